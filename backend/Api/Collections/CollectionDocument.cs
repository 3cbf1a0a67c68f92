using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// A collection as a STAC 1.0 Collection with the datacube extension. The full form (<c>/collections/{id}</c>) has
/// <c>cube:dimensions</c> and <c>summaries</c>; the list form leaves them out, as openEO recommends.
/// </summary>
public static class CollectionDocument
{
    public const string StacVersion = "1.0.0";
    public const string DatacubeExtension = "https://stac-extensions.github.io/datacube/v2.2.0/schema.json";
    public const string EoExtension = "https://stac-extensions.github.io/eo/v1.1.0/schema.json";
    public const string ZarrMediaType = "application/vnd+zarr";

    /// <summary>Default when no license is configured: STAC 1.0 has no "unknown", and no licence is granted by default.</summary>
    public const string DefaultLicense = "proprietary";

    public static JsonObject Build(LoadedCollection collection, CollectionLinks links, bool full)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(links);
        var source = collection.Source;
        var dataset = collection.Dataset;
        var document = new JsonObject
        {
            ["stac_version"] = StacVersion,
            ["stac_extensions"] = new JsonArray(DatacubeExtension, EoExtension),
            ["type"] = "Collection",
            ["id"] = source.Id,
            ["title"] = source.Title ?? Attribute(dataset.Layout, "title") ?? source.Id,
            ["description"] = source.Description ?? Attribute(dataset.Layout, "summary") ?? Attribute(dataset.Layout, "description") ?? GeneratedDescription(collection),
        };
        if (source.Keywords.Count > 0)
        {
            document["keywords"] = new JsonArray(source.Keywords.Select(k => (JsonNode)k).ToArray());
        }

        document["license"] = source.License ?? DefaultLicense;
        document["extent"] = Extent(collection);
        if (full)
        {
            document["cube:dimensions"] = CubeDimensions(collection);
            document["summaries"] = new JsonObject
            {
                ["eo:bands"] = BandDocuments.EoBands(collection),
                ["bands"] = BandDocuments.StacBands(collection),
            };
        }

        if (Asset(source) is { } asset)
        {
            document["assets"] = new JsonObject { ["zarr"] = asset };
        }

        document["links"] = Links(source, links);
        return document;
    }

    private static JsonObject Extent(LoadedCollection collection)
    {
        var bbox = collection.Dataset.Wgs84Bounds!.Value;
        JsonArray interval;
        if (collection.Dataset.TimeExtent is var (first, last))
        {
            interval = new JsonArray(GregorianInterval.Start(first), collection.Source.Growing ? null : GregorianInterval.End(last));
        }
        else
        {
            interval = new JsonArray(null, null);
        }

        return new JsonObject
        {
            ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY)) },
            ["temporal"] = new JsonObject { ["interval"] = new JsonArray(interval) },
        };
    }

    /// <summary>openEO's recommended names: x, y, t and bands; other dimensions keep their Zarr names.</summary>
    private static JsonObject CubeDimensions(LoadedCollection collection)
    {
        var dataset = collection.Dataset;
        var layout = dataset.Layout;
        var dimensions = new JsonObject();
        foreach (var dimension in layout.Dimensions)
        {
            switch (dimension.Role)
            {
                case DimensionRole.X:
                    dimensions["x"] = Spatial("x", dimension, dataset.X, layout.Crs!);
                    break;
                case DimensionRole.Y:
                    dimensions["y"] = Spatial("y", dimension, dataset.Y, layout.Crs!);
                    break;
                case DimensionRole.Time when dataset.TimeLabels is { Count: > 0 } labels:
                    dimensions["t"] = Temporal(dimension, labels);
                    break;
                case DimensionRole.Band:
                    break;
                default:
                    dimensions[dimension.Name] = Other(dimension, collection.OtherDimensionLabels.GetValueOrDefault(dimension.Name));
                    break;
            }
        }

        dimensions["bands"] = new JsonObject
        {
            ["type"] = "bands",
            ["values"] = new JsonArray(collection.BandNames.Select(n => (JsonNode)n).ToArray()),
        };
        return dimensions;
    }

    private static JsonObject Spatial(string axis, CubeDimension dimension, AxisExtent extent, CoordinateReferenceSystem crs) => new()
    {
        ["type"] = "spatial",
        ["axis"] = axis,
        ["description"] = $"Zarr dimension '{dimension.Name}'.",
        ["extent"] = new JsonArray(extent.MinEdge, extent.MaxEdge),
        ["step"] = extent.Step is { } step ? PublishedStep(step) : null,
        ["reference_system"] = crs.EpsgCode is { } code ? code : crs.Wkt2,
    };

    /// <summary>
    /// A step derived from float coordinates carries their representation error (0.04999999999999999 for a
    /// 0.05° grid); 15 significant digits are all a double holds reliably, and give the step users wrote down.
    /// </summary>
    private static double PublishedStep(double step) => double.Parse(Math.Abs(step).ToString("G15", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Temporal(CubeDimension dimension, IReadOnlyList<CalendarDateTime> labels)
    {
        var first = labels.Min();
        var last = labels.Max();
        var node = new JsonObject
        {
            ["type"] = "temporal",
            ["description"] = $"Zarr dimension '{dimension.Name}'.",
            ["extent"] = new JsonArray(first.ToRfc3339String(), last.ToRfc3339String()),
            ["step"] = TemporalStep.FromLabels(labels),
        };

        // Labels of other calendars are written with their own fields (CALENDARS.md); clients need to know which.
        if (first.Calendar is not (CfCalendar.Standard or CfCalendar.ProlepticGregorian))
        {
            node["calendar"] = first.Calendar.ToCfName();
        }

        return node;
    }

    private static JsonObject Other(CubeDimension dimension, DimensionLabels? labels)
    {
        var node = new JsonObject { ["type"] = "other", ["description"] = $"Zarr dimension '{dimension.Name}'." };
        if (labels?.Numbers is { Count: > 0 } numbers)
        {
            node["extent"] = new JsonArray(numbers.Min(), numbers.Max());
            node["values"] = new JsonArray(numbers.Select(n => (JsonNode)n).ToArray());
        }
        else if (labels?.Texts is { Count: > 0 } texts)
        {
            node["values"] = new JsonArray(texts.Select(t => (JsonNode)t).ToArray());
        }
        else if (dimension.Size <= CollectionLoader.MaxListedLabels)
        {
            // No coordinate variable (also a time dimension without one): xarray labels such a dimension by position.
            node["values"] = new JsonArray(Enumerable.Range(0, (int)dimension.Size).Select(i => (JsonNode)i).ToArray());
        }

        return node;
    }

    /// <summary>
    /// The store as a STAC asset for s3:// and http(s):// locations. Local stores get no asset: their path is the
    /// server's business, and the server does not serve store files itself.
    /// </summary>
    private static JsonObject? Asset(CatalogSource source)
    {
        if (source.Location.Kind == StoreKind.FileSystem)
        {
            return null;
        }

        return new JsonObject
        {
            ["href"] = source.DisplayLocation,
            ["type"] = ZarrMediaType,
            ["title"] = "Zarr store",
            ["roles"] = new JsonArray("data"),
        };
    }

    private static JsonArray Links(CatalogSource source, CollectionLinks links)
    {
        var array = new JsonArray(
            Link("self", links.Collection(source.Id), "application/json"),
            Link("root", links.Collections, "application/json"),
            Link("parent", links.Collections, "application/json"),
            Link(CollectionLinks.QueryablesRel, links.Queryables(source.Id), "application/schema+json"));
        if (LicenseUrl(source) is { } license)
        {
            array.Add(Link("license", license, null));
        }

        return array;
    }

    private static string? LicenseUrl(CatalogSource source)
    {
        if (source.LicenseUrl is { } configured)
        {
            return configured.ToString();
        }

        var license = source.License;
        return license is null || license is "proprietary" or "various" or "other" || license.Contains(' ', StringComparison.Ordinal)
            ? null
            : $"https://spdx.org/licenses/{Uri.EscapeDataString(license)}.html";
    }

    private static JsonObject Link(string rel, string href, string? type)
    {
        var link = new JsonObject { ["rel"] = rel, ["href"] = href };
        if (type is not null)
        {
            link["type"] = type;
        }

        return link;
    }

    private static string? Attribute(DatasetLayout layout, string name) =>
        layout.GroupAttributes.GetString(name) is { Length: > 0 } value ? value : null;

    private static string GeneratedDescription(LoadedCollection collection)
    {
        var layout = collection.Dataset.Layout;
        return $"Zarr store with the band(s) {string.Join(", ", collection.BandNames)} on dimensions ({string.Join(", ", layout.Dimensions.Select(d => d.Name))}).";
    }
}
