using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;

namespace OpenEoBridge.Geo.Tests.Crs;

public class CoordinateReferenceSystemTests
{
    [Theory]
    [InlineData("EPSG:4326", 4326, CrsKind.Geographic)]
    [InlineData("epsg:32633", 32633, CrsKind.Projected)]
    [InlineData("3857", 3857, CrsKind.Projected)]
    [InlineData("urn:ogc:def:crs:EPSG::3035", 3035, CrsKind.Projected)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/25832", 25832, CrsKind.Projected)]
    [InlineData("OGC:CRS84", null, CrsKind.Geographic)]
    public void Parses_codes_and_identifies_them(string definition, int? epsg, CrsKind kind)
    {
        var crs = CoordinateReferenceSystem.Parse(definition);
        Assert.Equal(epsg, crs.EpsgCode);
        Assert.Equal(kind, crs.Kind);
        Assert.StartsWith(kind == CrsKind.Geographic ? "GEOGCRS[" : "PROJCRS[", crs.Wkt2);
        Assert.Contains("\"type\"", crs.ProjJson);
    }

    [Fact]
    public void Reads_the_wkt2_rioxarray_wrote_in_the_chirps_fixture()
    {
        var wkt = FixtureAttributes.V2Attributes("xr_chirps_like.zarr", "spatial_ref")["crs_wkt"].GetString()!;
        var crs = CoordinateReferenceSystem.Parse(wkt);
        Assert.Equal(4326, crs.EpsgCode);
        Assert.Equal("WGS 84", crs.Name);
        Assert.Equal(CoordinateReferenceSystem.Wgs84, crs);
    }

    [Fact]
    public void Identifies_epsg_codes_from_wkt1_projjson_and_proj_strings_without_ids()
    {
        var utm = CoordinateReferenceSystem.FromEpsg(32633);
        var wkt1WithoutAuthority = System.Text.RegularExpressions.Regex.Replace(utm.Wkt1!, @",AUTHORITY\[""EPSG"",""\d+""\]", string.Empty);
        Assert.DoesNotContain("AUTHORITY", wkt1WithoutAuthority);
        Assert.Equal(32633, CoordinateReferenceSystem.Parse(wkt1WithoutAuthority).EpsgCode);
        Assert.Equal(32633, CoordinateReferenceSystem.Parse(utm.ProjJson).EpsgCode);
        Assert.Equal(32633, CoordinateReferenceSystem.Parse("+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs +type=crs").EpsgCode);
    }

    [Fact]
    public void Equality_uses_codes_or_proj_equivalence()
    {
        var utm = CoordinateReferenceSystem.FromEpsg(32633);
        var sameWithoutCode = CoordinateReferenceSystem.Parse("+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=500000 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs");
        Assert.True(utm.IsEquivalentTo(sameWithoutCode));
        Assert.NotEqual(utm, CoordinateReferenceSystem.FromEpsg(32632));
        Assert.False(utm.IsEquivalentTo(CoordinateReferenceSystem.FromEpsg(32632)));
        Assert.Equal(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.Parse("EPSG:4326"));
        Assert.True(CoordinateReferenceSystem.Wgs84.IsEquivalentTo(CoordinateReferenceSystem.Parse("OGC:CRS84")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("EPSG:999999")]
    [InlineData("not a crs")]
    [InlineData("+proj=pipeline +step +proj=axisswap +order=2,1")]
    public void Bad_definitions_give_crs_exceptions(string definition)
    {
        Assert.Throws<CrsException>(() => CoordinateReferenceSystem.Parse(definition));
        Assert.False(CoordinateReferenceSystem.TryParse(definition, out _));
    }
}
