using System.Text.Json;
using OpenEoBridge.Geo.Crs;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// Builds a <see cref="DatasetLayout"/> from a group's attributes and its arrays' descriptions, following CF
/// and xarray: coordinate variables (1-D, named like their dimension), <c>bounds</c>, <c>grid_mapping</c> and
/// <c>coordinates</c> references are auxiliary; the data variables sharing the most common x/y dimension set
/// become bands; every other variable is listed as excluded with its reason.
/// </summary>
public static class DatasetLayoutReader
{
    public static DatasetLayout Read(IReadOnlyDictionary<string, JsonElement> groupAttributes, IReadOnlyList<VariableDescription> variables)
    {
        var byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var coordinates = variables.Where(v => v.Rank == 1 && v.Dimensions[0] == v.Name).ToDictionary(v => v.Name);
        var auxiliary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            foreach (var gm in GridMapping.ReferencedNames(variable.Attributes))
            {
                auxiliary.TryAdd(gm, "grid-mapping variable (holds the CRS)");
            }

            if (variable.Attributes.GetString("bounds") is { } bounds)
            {
                auxiliary.TryAdd(bounds, $"cell bounds of '{variable.Name}'");
            }

            foreach (var name in (variable.Attributes.GetString("coordinates") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                auxiliary.TryAdd(name, $"auxiliary coordinate of '{variable.Name}'");
            }
        }

        var excluded = new List<ExcludedVariable>();
        var candidates = new List<VariableDescription>();
        foreach (var variable in variables)
        {
            if (coordinates.ContainsKey(variable.Name))
            {
                continue;
            }

            if (auxiliary.TryGetValue(variable.Name, out var why))
            {
                excluded.Add(new ExcludedVariable(variable.Name, why));
                continue;
            }

            var roles = variable.Dimensions.Select(d => DimensionRoles.Detect(d, coordinates.GetValueOrDefault(d)?.Attributes)).ToArray();
            if (roles.Count(r => r == DimensionRole.X) == 1 && roles.Count(r => r == DimensionRole.Y) == 1)
            {
                candidates.Add(variable);
            }
            else if (CurvilinearReason(variable, byName) is { } curvilinear)
            {
                excluded.Add(new ExcludedVariable(variable.Name, curvilinear));
            }
            else
            {
                excluded.Add(new ExcludedVariable(variable.Name, $"dimensions ({string.Join(", ", variable.Dimensions)}) have no single x and y axis"));
            }
        }

        if (candidates.Count == 0)
        {
            var reasons = excluded.Count == 0 ? "the group has no data variables" : string.Join("; ", excluded.Select(e => $"{e.Name}: {e.Reason}"));
            throw new FormatException($"No variable can be served as a raster data cube ({reasons}).");
        }

        // The most common dimension tuple defines the cube (ties: more dimensions first, then store order).
        var cubeDimensions = candidates
            .GroupBy(v => string.Join('\u0001', v.Dimensions))
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.First().Rank)
            .First().First().Dimensions;
        var bands = new List<BandVariable>();
        foreach (var variable in candidates)
        {
            if (variable.Dimensions.SequenceEqual(cubeDimensions))
            {
                bands.Add(new BandVariable(variable, variable.Packing));
            }
            else
            {
                excluded.Add(new ExcludedVariable(variable.Name,
                    $"dimensions ({string.Join(", ", variable.Dimensions)}) differ from the cube's ({string.Join(", ", cubeDimensions)}); serve it as its own collection"));
            }
        }

        var first = bands[0].Variable;
        var dimensions = cubeDimensions.Select((name, i) =>
        {
            var coordinate = coordinates.GetValueOrDefault(name);
            return new CubeDimension(name, DimensionRoles.Detect(name, coordinate?.Attributes), first.Shape[i], coordinate);
        }).ToArray();

        var (crs, transform, gridMappingName) = ResolveCrs(groupAttributes, first, byName, dimensions);
        return new DatasetLayout(dimensions, bands, crs, transform, gridMappingName, excluded, groupAttributes);
    }

    private static (CoordinateReferenceSystem? Crs, AffineTransform? Transform, string? GridMapping) ResolveCrs(
        IReadOnlyDictionary<string, JsonElement> groupAttributes,
        VariableDescription band,
        IReadOnlyDictionary<string, VariableDescription> byName,
        IReadOnlyList<CubeDimension> dimensions)
    {
        foreach (var name in GridMapping.ReferencedNames(band.Attributes))
        {
            if (byName.TryGetValue(name, out var gm) && GridMapping.ReadCrs(gm.Attributes) is { } crs)
            {
                return (crs, GridMapping.ReadGeoTransform(gm.Attributes), name);
            }
        }

        // rioxarray without a grid_mapping attribute: a CRS-holding variable among the band's `coordinates`, or
        // its default `spatial_ref` variable (rioxarray reads both the same way).
        var coordinateNames = (band.Attributes.GetString("coordinates") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in coordinateNames.Append(CfAttributeWriter.GridMappingVariable).Distinct())
        {
            if (byName.TryGetValue(name, out var candidate) && candidate.Rank == 0 && GridMapping.ReadCrs(candidate.Attributes) is { } crs)
            {
                return (crs, GridMapping.ReadGeoTransform(candidate.Attributes), name);
            }
        }

        // GeoZarr: on the array itself, then on the group.
        foreach (var attributes in new[] { band.Attributes, groupAttributes })
        {
            var geo = GeoZarrAttributes.FromAttributes(attributes);
            if (geo.HasCrs)
            {
                return (geo.ResolveCrs(), geo.SpatialTransform, null);
            }
        }

        // Longitude/latitude axes without any CRS: xarray users and GDAL take them as WGS 84.
        var x = dimensions.Single(d => d.Role == DimensionRole.X);
        var y = dimensions.Single(d => d.Role == DimensionRole.Y);
        return IsGeographicAxis(x.Coordinate, "degrees_east", "longitude") && IsGeographicAxis(y.Coordinate, "degrees_north", "latitude")
            ? (CoordinateReferenceSystem.Wgs84, null, null)
            : (null, null, null);
    }

    private static bool IsGeographicAxis(VariableDescription? coordinate, string units, string standardName) =>
        coordinate is not null
        && (string.Equals(coordinate.Attributes.GetString("units"), units, StringComparison.OrdinalIgnoreCase)
            || string.Equals(coordinate.Attributes.GetString("standard_name"), standardName, StringComparison.OrdinalIgnoreCase));

    private static string? CurvilinearReason(VariableDescription variable, IReadOnlyDictionary<string, VariableDescription> byName)
    {
        var twoDimensional = (variable.Attributes.GetString("coordinates") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => byName.GetValueOrDefault(n))
            .Where(c => c is { Rank: 2 } && DimensionRoles.Detect(c.Name, c.Attributes) is DimensionRole.X or DimensionRole.Y)
            .ToArray();
        return twoDimensional.Length > 0
            ? $"curvilinear grid (2-D coordinates {string.Join(", ", twoDimensional.Select(c => c!.Name))}) is not supported yet"
            : null;
    }
}
