namespace OpenEoBridge.Backend.Errors;

/// <summary>
/// The one place that knows which HTTP status goes with which openEO error code. The standard codes mirror
/// the official errors.json (a test keeps them in sync); the back-end specific codes cover situations the
/// standard list has no code for.
/// </summary>
public static class OpenEoErrorCodes
{
    public const string Internal = "Internal";
    public const string NotFound = "NotFound";
    public const string FeatureUnsupported = "FeatureUnsupported";
    public const string ContentTypeInvalid = "ContentTypeInvalid";
    public const string AuthenticationRequired = "AuthenticationRequired";
    public const string AuthenticationSchemeInvalid = "AuthenticationSchemeInvalid";
    public const string TokenInvalid = "TokenInvalid";
    public const string CredentialsInvalid = "CredentialsInvalid";
    public const string PermissionsInsufficient = "PermissionsInsufficient";

    /// <summary>Back-end specific: the path exists but not for this HTTP method.</summary>
    public const string MethodNotAllowed = "MethodNotAllowed";

    /// <summary>Back-end specific: the request body is not well-formed JSON, too deeply nested, or not of the expected shape.</summary>
    public const string JsonInvalid = "JsonInvalid";

    /// <summary>Back-end specific: a query parameter (e.g. <c>limit</c>) is not a value the endpoint accepts.</summary>
    public const string QueryParameterInvalid = "QueryParameterInvalid";

    /// <summary>Back-end specific: the request body exceeds <c>OpenEo:Limits:MaxRequestBodyBytes</c>.</summary>
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";

    /// <summary>Back-end specific: too many failed logins for this user from this address; retry after the Retry-After delay.</summary>
    public const string TooManyLoginAttempts = "TooManyLoginAttempts";

    /// <summary>Back-end specific: the OpenID Connect provider of the token could not be reached.</summary>
    public const string IdentityProviderUnavailable = "IdentityProviderUnavailable";

    /// <summary>Status of every code in the official errors.json (openEO API 1.2.0).</summary>
    public static IReadOnlyDictionary<string, int> Standard { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Internal"] = 500,
        ["NotFound"] = 404,
        ["FeatureUnsupported"] = 501,
        ["InfrastructureMaintenance"] = 503,
        ["InfrastructureBusy"] = 503,
        ["UnsupportedApiVersion"] = 404,
        ["RequestTimeout"] = 408,
        ["BudgetInvalid"] = 400,
        ["EstimateComplexity"] = 500,
        ["NoDataForUpdate"] = 400,
        ["PropertyNotEditable"] = 400,
        ["CollectionNotFound"] = 404,
        ["StorageFailure"] = 500,
        ["StorageQuotaExceeded"] = 400,
        ["FileNotFound"] = 404,
        ["FilePathInvalid"] = 400,
        ["FileOperationUnsupported"] = 400,
        ["FolderOperationUnsupported"] = 400,
        ["ContentTypeInvalid"] = 400,
        ["FileTypeInvalid"] = 400,
        ["FileSizeExceeded"] = 400,
        ["FileContentInvalid"] = 400,
        ["FileLocked"] = 400,
        ["ProcessGraphNotFound"] = 404,
        ["ProcessInvalid"] = 400,
        ["ProcessGraphMissing"] = 400,
        ["ProcessGraphInvalid"] = 400,
        ["PredefinedProcessExists"] = 400,
        ["ProcessGraphComplexity"] = 400,
        ["ProcessUnsupported"] = 400,
        ["ProcessParameterUnsupported"] = 400,
        ["ProcessParameterInvalid"] = 400,
        ["ProcessParameterRequired"] = 400,
        ["JobNotFound"] = 404,
        ["JobLocked"] = 400,
        ["JobNotFinished"] = 400,
        ["JobNotStarted"] = 400,
        ["ResultLinkExpired"] = 410,
        ["PaymentRequired"] = 402,
        ["BillingPlanInvalid"] = 400,
        ["BillingPlanMissing"] = 400,
        ["AuthenticationRequired"] = 401,
        ["AuthenticationSchemeInvalid"] = 403,
        ["TokenInvalid"] = 403,
        ["CredentialsInvalid"] = 403,
        ["PermissionsInsufficient"] = 403,
        ["ServiceNotFound"] = 404,
        ["ServiceUnsupported"] = 400,
        ["ServiceConfigUnsupported"] = 400,
        ["ServiceConfigInvalid"] = 400,
        ["ServiceConfigRequired"] = 400,
    };

    /// <summary>Codes this back-end adds (documented in the README).</summary>
    public static IReadOnlyDictionary<string, int> BackendSpecific { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [MethodNotAllowed] = 405,
        [JsonInvalid] = 400,
        [QueryParameterInvalid] = 400,
        [RequestBodyTooLarge] = 413,
        [TooManyLoginAttempts] = 429,
        [IdentityProviderUnavailable] = 503,
    };

    /// <summary>Status for a code; other parts of the back-end may add process-level codes (e.g. from process exceptions), which default to 400.</summary>
    public static int StatusFor(string code) =>
        Standard.TryGetValue(code, out var status) || BackendSpecific.TryGetValue(code, out status) ? status : 400;
}
