namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>The absolute URLs a collection document links to, for one request's API root.</summary>
public sealed record CollectionLinks(string ApiRoot)
{
    public const string QueryablesRel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    public string Collections => ApiRoot + "collections";

    public string Collection(string id) => $"{ApiRoot}collections/{Uri.EscapeDataString(id)}";

    public string Queryables(string id) => Collection(id) + "/queryables";
}
