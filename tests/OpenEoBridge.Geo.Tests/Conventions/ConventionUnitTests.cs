using System.Text.Json;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;

namespace OpenEoBridge.Geo.Tests.Conventions;

public class ConventionUnitTests
{
    private static IReadOnlyDictionary<string, JsonElement> Attrs(string json) =>
        FixtureAttributes.ToDictionary(JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("lat", """{"axis": "X"}""", DimensionRole.X)]
    [InlineData("dim0", """{"standard_name": "projection_y_coordinate"}""", DimensionRole.Y)]
    [InlineData("rlon", """{"standard_name": "grid_longitude"}""", DimensionRole.X)]
    [InlineData("dim1", """{"units": "degrees_north"}""", DimensionRole.Y)]
    [InlineData("step", """{"units": "hours since 2000-01-01"}""", DimensionRole.Time)]
    [InlineData("level", """{"axis": "Z"}""", DimensionRole.Other)]
    [InlineData("x", null, DimensionRole.X)]
    [InlineData("Longitude", null, DimensionRole.X)]
    [InlineData("lat", null, DimensionRole.Y)]
    [InlineData("valid_time", null, DimensionRole.Time)]
    [InlineData("t", null, DimensionRole.Time)]
    [InlineData("band", null, DimensionRole.Band)]
    [InlineData("member", null, DimensionRole.Other)]
    public void Dimension_roles_prefer_cf_attributes_over_names(string name, string? attributes, DimensionRole expected) =>
        Assert.Equal(expected, DimensionRoles.Detect(name, attributes is null ? null : Attrs(attributes)));

    [Fact]
    public void Packing_reads_missing_value_lists_valid_range_and_v3_base64_fill()
    {
        var packing = ValuePacking.FromAttributes(
            Attrs("""{"_FillValue": -1, "missing_value": [-1, -2], "valid_range": [0, 100], "scale_factor": 0.5}"""),
            NumericType.Parse("<i2"));
        Assert.Equal([-1.0, -2.0], packing.MaskedValues);
        Assert.True(double.IsNaN(packing.Decode(-2)));
        Assert.Equal(100, packing.Decode(200));
        Assert.True(double.IsNaN(packing.Decode(200, applyValidRange: true)));
        Assert.Equal(NumericType.Float32, packing.DecodedType);

        var v3 = ValuePacking.FromAttributes(Attrs("""{"_FillValue": "AAAAAICHw8A="}"""), NumericType.Parse("float32"));
        Assert.Equal([-9999.0], v3.MaskedValues);
        Assert.Equal("AAAAAICHw8A=", ValuePacking.EncodeV3FloatFillValue(-9999));
        var nan = ValuePacking.FromAttributes(Attrs("""{"_FillValue": "NaN"}"""), NumericType.Float64);
        Assert.True(nan.IsMasked(double.NaN));

        Assert.Throws<FormatException>(() => ValuePacking.FromAttributes(Attrs("""{"_FillValue": "zz"}"""), NumericType.Parse("int16")));
        Assert.Throws<FormatException>(() => ValuePacking.FromAttributes(Attrs("""{"_FillValue": "!!"}"""), NumericType.Float32));
    }

    [Theory]
    [InlineData("|u1", NumericKind.UnsignedInteger, 1, "uint8")]
    [InlineData(">f4", NumericKind.Float, 4, "float32")]
    [InlineData("<i8", NumericKind.SignedInteger, 8, "int64")]
    [InlineData("uint16", NumericKind.UnsignedInteger, 2, "uint16")]
    [InlineData("float64", NumericKind.Float, 8, "float64")]
    [InlineData("|b1", NumericKind.Boolean, 1, "bool")]
    public void Numeric_types_from_v2_and_v3_names(string text, NumericKind kind, int size, string name)
    {
        var type = NumericType.Parse(text);
        Assert.Equal((kind, size, name), (type.Kind, type.ItemSize, type.Name));
    }

    [Fact]
    public void Xarray_decoded_types_follow_mask_then_scale_rules()
    {
        ValuePacking P(string dtype, string attrs, string? zarrFill = null) => ValuePacking.FromAttributes(
            Attrs(attrs), NumericType.Parse(dtype), zarrFill is null ? null : JsonDocument.Parse(zarrFill).RootElement);
        Assert.Equal("int16", P("<i2", "{}").DecodedType.Name);
        Assert.Equal("float32", P("<i2", "{}", "-32768").DecodedType.Name);
        Assert.Equal("float64", P("<i4", "{}", "0").DecodedType.Name);
        Assert.Equal("float32", P("<i2", """{"scale_factor": 0.1}""").DecodedType.Name);
        Assert.Equal("float64", P("<i2", """{"scale_factor": 0.1, "add_offset": 1}""").DecodedType.Name);
        Assert.Equal("float32", P("<i2", """{"scale_factor": 0.1, "add_offset": 1}""", "-1").DecodedType.Name);
        Assert.Equal("float64", P("<f8", """{"scale_factor": 0.1}""").DecodedType.Name);
        Assert.Empty(P("<f4", "{}", "null").MaskedValues);
    }

    [Fact]
    public void Axis_extents_cover_cell_edges_in_both_directions()
    {
        var descending = AxisExtent.FromCentres([5.975, 5.925, 5.875]);
        Assert.False(descending.Ascending);
        Assert.Equal(-0.05, descending.Step!.Value, 12);
        Assert.Equal(5.85, descending.MinEdge, 12);
        Assert.Equal(6.0, descending.MaxEdge, 12);

        var irregular = AxisExtent.FromCentres([0, 1, 3, 7]);
        Assert.False(irregular.IsRegular);
        Assert.Equal(-0.5, irregular.MinEdge);
        Assert.Equal(9, irregular.MaxEdge);

        var bounded = AxisExtent.FromCentresAndBounds([0.5, 1.5], [0, 1, 1, 2.25]);
        Assert.Equal(2.25, bounded.MaxEdge);
        Assert.Throws<FormatException>(() => AxisExtent.FromCentresAndBounds([0.5, 1.5], [0, 1, 1]));

        var single = AxisExtent.FromCentres([42]);
        Assert.Equal((42.0, 42.0), (single.MinEdge, single.MaxEdge));

        Assert.Throws<FormatException>(() => AxisExtent.FromCentres([0, 1, 1, 2]));
        Assert.Throws<FormatException>(() => AxisExtent.FromCentres([0, 2, 1]));
        Assert.Throws<FormatException>(() => AxisExtent.FromCentres([0, double.NaN]));
        Assert.Throws<ArgumentException>(() => AxisExtent.FromCentres([]));
    }

    [Fact]
    public void Longitudes_from_0_to_360_fold_into_wgs84()
    {
        var global = AxisExtent.FromCentres(Enumerable.Range(0, 1440).Select(i => i * 0.25).ToArray());
        Assert.True(Longitudes.UsesZeroTo360(global));
        Assert.Equal((-180.0, 180.0), Longitudes.ToWgs84Range(global.MinEdge, global.MaxEdge));
        Assert.Equal((-170.0, -160.0), Longitudes.ToWgs84Range(190, 200));
        Assert.Equal((170.0, -170.0), Longitudes.ToWgs84Range(170, 190));
        Assert.Equal((10.0, 180.0), Longitudes.ToWgs84Range(10, 180));
        Assert.False(Longitudes.UsesZeroTo360(AxisExtent.FromCentres([-179.5, 0, 179.5])));
        Assert.Equal(-90, Longitudes.Normalize(270));
        var box = GeographicExtent.FromGeographicEdges(new BoundingBox(180, -90.125, 360, 90.125));
        Assert.Equal(new BoundingBox(-180, -90, 0, 90), box);
    }

    [Fact]
    public void Affine_transforms_round_trip_gdal_order()
    {
        var transform = AffineTransform.FromGdalString("29.0 0.05 0.0 6.0 0.0 -0.05");
        Assert.Equal(new AffineTransform(0.05, 0, 29, 0, -0.05, 6), transform);
        Assert.Equal(transform, AffineTransform.FromGdalString(transform.ToGdalString()));
        Assert.Equal(transform, AffineTransform.FromCentres(29.025, 0.05, 5.975, -0.05) with { C = 29, F = 6 });
        Assert.Equal((29.025, 5.975), transform.Apply(0.5, 0.5));
        Assert.Throws<FormatException>(() => AffineTransform.FromGdalString("1 2 3"));
        Assert.Throws<FormatException>(() => AffineTransform.FromGdalString("1 2 3 4 5 x"));
    }

    [Theory]
    [InlineData("""{"grid_mapping": "spatial_ref"}""", new[] { "spatial_ref" })]
    [InlineData("""{"grid_mapping": "crsOSGB: x y crsWGS84: lat lon"}""", new[] { "crsOSGB", "crsWGS84" })]
    [InlineData("{}", new string[0])]
    public void Grid_mapping_references_in_both_cf_forms(string attributes, string[] expected) =>
        Assert.Equal(expected, GridMapping.ReferencedNames(Attrs(attributes)));

    [Theory]
    [InlineData("""{"epsg_code": "EPSG:32633"}""", 32633)]
    [InlineData("""{"EPSG": 3035}""", 3035)]
    [InlineData("""{"proj:code": "EPSG:25832"}""", 25832)]
    [InlineData("""{"grid_mapping_name": "latitude_longitude"}""", 4326)]
    [InlineData("""{"grid_mapping_name": "latitude_longitude", "semi_major_axis": 6378137.0, "inverse_flattening": 298.257223563}""", 4326)]
    [InlineData("""{"grid_mapping_name": "transverse_mercator", "longitude_of_central_meridian": 15.0, "latitude_of_projection_origin": 0.0, "scale_factor_at_central_meridian": 0.9996, "false_easting": 500000.0, "false_northing": 0.0, "semi_major_axis": 6378137.0, "inverse_flattening": 298.257223563}""", 32633)]
    [InlineData("""{"grid_mapping_name": "transverse_mercator", "longitude_of_central_meridian": 15.0, "latitude_of_projection_origin": 0.0, "scale_factor_at_central_meridian": 0.9996, "false_easting": 500000.0, "false_northing": 0.0, "semi_major_axis": 6378137.0, "inverse_flattening": 298.3}""", null)]
    public void Grid_mapping_crs_from_epsg_and_cf_parameters(string attributes, int? epsg)
    {
        var crs = GridMapping.ReadCrs(Attrs(attributes))!;
        Assert.Equal(epsg, crs.EpsgCode);
        if (attributes.Contains("transverse_mercator", StringComparison.Ordinal))
        {
            // The parameters are UTM 33N's: the origin maps to (500 km, 0) on either ellipsoid.
            using var toLonLat = CoordinateTransformer.ToWgs84(crs);
            var (lon, lat) = toLonLat.Transform(500000, 0);
            Assert.Equal(15, lon, 6);
            Assert.Equal(0, lat, 4);
        }
    }

    [Fact]
    public void Grid_mapping_without_a_usable_crs_is_reported()
    {
        Assert.Null(GridMapping.ReadCrs(Attrs("""{"long_name": "nothing"}""")));
        var error = Assert.Throws<CrsException>(() => GridMapping.ReadCrs(Attrs("""{"grid_mapping_name": "vertical_perspective"}""")));
        Assert.Contains("crs_wkt", error.Message);
    }

    [Fact]
    public void Curvilinear_grids_are_excluded_with_a_reason()
    {
        var lat = new VariableDescription("lat", ["j", "i"], [3, 4], NumericType.Float64, Attrs("""{"units": "degrees_north"}"""));
        var lon = new VariableDescription("lon", ["j", "i"], [3, 4], NumericType.Float64, Attrs("""{"units": "degrees_east"}"""));
        var data = new VariableDescription("sst", ["time", "j", "i"], [2, 3, 4], NumericType.Float32, Attrs("""{"coordinates": "lat lon"}"""));
        var error = Assert.Throws<FormatException>(() => DatasetLayoutReader.Read(Attributes.Empty, [lat, lon, data]));
        Assert.Contains("sst: curvilinear grid", error.Message);
    }

    [Fact]
    public void Variables_with_other_dimensions_are_excluded_and_the_band_dimension_is_found()
    {
        var x = new VariableDescription("x", ["x"], [4], NumericType.Float64, Attrs("""{"axis": "X"}"""));
        var y = new VariableDescription("y", ["y"], [3], NumericType.Float64, Attrs("""{"axis": "Y"}"""));
        var band = new VariableDescription("band", ["band"], [2], NumericType.Parse("<i8"), Attributes.Empty);
        var data = new VariableDescription("reflectance", ["band", "y", "x"], [2, 3, 4], NumericType.Parse("<u2"), Attrs("""{"long_name": ["red", "nir"], "grid_mapping": "spatial_ref"}"""));
        var mask = new VariableDescription("mask", ["y", "x"], [3, 4], NumericType.Parse("|u1"), Attributes.Empty);
        var gm = new VariableDescription("spatial_ref", [], [], NumericType.Parse("<i8"), Attrs("""{"crs_wkt": "EPSG:32633"}"""));
        var layout = DatasetLayoutReader.Read(Attributes.Empty, [x, y, band, data, mask, gm]);
        Assert.Equal("band", layout.BandDimension!.Name);
        Assert.Equal(["red", "nir"], layout.BandDimensionLabels!);
        Assert.Equal(32633, layout.Crs!.EpsgCode);
        Assert.Contains(layout.Excluded, e => e.Name == "mask" && e.Reason.Contains("own collection"));
        Assert.Contains(layout.Excluded, e => e.Name == "spatial_ref");
    }

    [Fact]
    public void Unnamed_dimensions_are_refused()
    {
        var zarray = JsonDocument.Parse("""{"shape": [2, 3], "dtype": "<f4", "fill_value": null}""").RootElement;
        Assert.Throws<FormatException>(() => VariableDescription.FromZarrV2("a", zarray, Attributes.Empty));
        var v3 = JsonDocument.Parse("""{"shape": [2], "data_type": "float32", "dimension_names": [null]}""").RootElement;
        Assert.Throws<FormatException>(() => VariableDescription.FromZarrV3("b", v3));
    }
}
