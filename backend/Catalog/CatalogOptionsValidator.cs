using Microsoft.Extensions.Options;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// Checks <c>OpenEo:Catalog</c> at start-up and names every problem: unparsable locations, ids outside the openEO
/// pattern, duplicate ids (configured or derived), unknown S3 profiles. Whether a store can be opened is not checked
/// here: that needs the network, and a store that cannot be opened only leaves its collection out.
/// </summary>
public sealed class CatalogOptionsValidator(IOptions<StorageOptions> storage, IConfiguration configuration) : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        errors.AddRange(UnknownKeys(configuration.GetSection(CatalogOptions.SectionName)));
        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"{CatalogOptions.SectionName}:RefreshInterval must be positive, got {options.RefreshInterval}.");
        }

        if (options.OpenTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{CatalogOptions.SectionName}:OpenTimeout must be positive, got {options.OpenTimeout}.");
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var path = $"{CatalogOptions.SectionName}:Sources:{i}";
            var source = options.Sources[i];
            if (string.IsNullOrWhiteSpace(source.Location))
            {
                errors.Add($"{path}:Location is required (s3://bucket/prefix, https://host/path, file:///path or a local path).");
                continue;
            }

            StoreLocation location;
            try
            {
                location = StoreLocation.Parse(source.Location);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                errors.Add($"{path}:Location: {e.Message}");
                continue;
            }

            if (source.Group is { } group && group.Split('/').Any(s => s is "." or ".."))
            {
                errors.Add($"{path}:Group '{group}' must not contain '.' or '..' segments.");
                continue;
            }

            ValidateProfile(path, source, location, errors);
            var resolved = CatalogSource.FromOptions(source);
            if (!CollectionIds.IsValid(resolved.Id))
            {
                errors.Add(string.IsNullOrWhiteSpace(source.Id)
                    ? $"{path}: the id derived from the store name, '{resolved.Id}', is not a valid collection id; set {path}:Id."
                    : $"{path}:Id '{source.Id}' does not match the collection id pattern ^[\\w\\-\\.~]+$ (letters, digits, '_', '-', '.', '~'; '/' is not supported by this back-end).");
                continue;
            }

            if (ids.TryGetValue(resolved.Id, out var other))
            {
                errors.Add($"{path}: collection id '{resolved.Id}' is already used by {other}; ids must be unique (set {path}:Id).");
                continue;
            }

            ids[resolved.Id] = path;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Keys that bind to nothing (a typo would otherwise silently leave a default in place).</summary>
    private static IEnumerable<string> UnknownKeys(IConfigurationSection catalog)
    {
        foreach (var child in catalog.GetChildren())
        {
            if (!IsProperty<CatalogOptions>(child.Key))
            {
                yield return $"{child.Path} is not a catalogue setting.";
            }
            else if (string.Equals(child.Key, nameof(CatalogOptions.Sources), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var key in child.GetChildren().SelectMany(source => source.GetChildren()).Where(k => !IsProperty<CatalogSourceOptions>(k.Key)))
                {
                    yield return $"{key.Path} is not a catalogue source setting.";
                }
            }
        }
    }

    private static bool IsProperty<T>(string key) =>
        typeof(T).GetProperty(key, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is not null;

    private void ValidateProfile(string path, CatalogSourceOptions source, StoreLocation location, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(source.S3Profile))
        {
            return;
        }

        if (location.Kind != StoreKind.S3)
        {
            errors.Add($"{path}:S3Profile is set but the location is not an s3:// location.");
        }
        else if (!storage.Value.S3Profiles.ContainsKey(source.S3Profile.Trim()))
        {
            errors.Add($"{path}:S3Profile '{source.S3Profile}' is not defined under OpenEo:Storage:S3Profiles.");
        }
    }
}
