namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>Stores written by xarray/rioxarray for the tests, and xarray's own description of any v2 store.</summary>
internal static class XarrayStores
{
    /// <summary>Names of the stores <see cref="Make"/> writes.</summary>
    public static readonly string[] Names =
    [
        "noleap_0_360_descending", "day360_packed_int16", "utm_hourly_two_bands", "six_hourly", "monthly", "band_dimension",
    ];

    /// <summary>Writes the stores into the folder given on stdin.</summary>
    public const string Make = """
import os, sys
import numpy as np, pandas as pd, xarray as xr, rioxarray
d = sys.stdin.read().strip()
def save(name, ds, encoding=None):
    ds.to_zarr(os.path.join(d, name + ".zarr"), mode="w", encoding=encoding or {}, consolidated=True)

t = xr.cftime_range("2001-02-26", periods=4, freq="D", calendar="noleap")
lon = np.arange(0.5, 360, 1.0); lat = np.arange(50.0, 47.9, -0.5)
ds = xr.Dataset({"tas": (("time", "lat", "lon"), np.random.default_rng(1).random((4, lat.size, lon.size), dtype="float32"))},
                coords={"time": t, "lat": lat, "lon": lon})
ds["tas"].attrs.update({"units": "K", "long_name": "near-surface air temperature"})
save("noleap_0_360_descending", ds.rio.write_crs("EPSG:4326"))

t = xr.cftime_range("2000-02-28", periods=4, freq="D", calendar="360_day")
lon = np.arange(190.125, 200, 0.25); lat = np.arange(-5.0, 5.0, 1.0)
values = 273.15 + np.random.default_rng(2).random((4, lat.size, lon.size)) * 30
values[0, 0, 0] = np.nan
ds = xr.Dataset({"t2m": (("time", "latitude", "longitude"), values)}, coords={"time": t, "latitude": lat, "longitude": lon})
ds = ds.rio.write_crs("EPSG:4326")
ds["t2m"].attrs["units"] = "K"
ds["t2m"].encoding.update({"dtype": "int16", "scale_factor": 0.01, "add_offset": 273.15, "_FillValue": -32768})
save("day360_packed_int16", ds)

t = pd.date_range("2020-01-01", periods=3, freq="H")
x = 500050.0 + 100 * np.arange(6); y = 5000050.0 - 100 * np.arange(5)
ds = xr.Dataset({"red": (("time", "y", "x"), np.ones((3, 5, 6), "float32")), "nir": (("time", "y", "x"), np.zeros((3, 5, 6), "float32")),
                 "quality": (("y", "x"), np.zeros((5, 6), "uint8"))},
                coords={"time": t, "y": y, "x": x})
save("utm_hourly_two_bands", ds.rio.write_crs("EPSG:32633"), {"time": {"units": "hours since 2020-01-01", "calendar": "standard"}})

t = pd.date_range("2019-12-31T18:00", periods=5, freq="6H")
lon = np.arange(-9.95, -8, 0.1); lat = np.arange(40.05, 41, 0.1)
ds = xr.Dataset({"pr": (("time", "lat", "lon"), np.zeros((5, lat.size, lon.size), "float32"))}, coords={"time": t, "lat": lat, "lon": lon})
ds["lat"].attrs["units"] = "degrees_north"; ds["lon"].attrs["units"] = "degrees_east"
save("six_hourly", ds)

t = pd.date_range("2020-01-01", periods=4, freq="MS")
ds = xr.Dataset({"ndvi": (("time", "y", "x"), np.zeros((4, 3, 4), "int16"))}, coords={"time": t, "y": [20.5, 19.5, 18.5], "x": [10.5, 11.5, 12.5, 13.5]})
ds["ndvi"].encoding.update({"_FillValue": -1})
save("monthly", ds.rio.write_crs("EPSG:4326"))

da = xr.DataArray(np.zeros((3, 4, 5), "uint16"), dims=("band", "y", "x"),
                  coords={"band": [1, 2, 3], "y": 600000.0 - 30 * np.arange(4) - 15, "x": 300000.0 + 30 * np.arange(5) + 15}, name="reflectance")
da = da.rio.write_crs("EPSG:32632")
da.attrs["long_name"] = ["blue", "green", "red"]
save("band_dimension", da.to_dataset())
print("ok")
""";

    /// <summary>
    /// For each [name, path, group]: what xarray + rioxarray see. A store without a variable that has x and y
    /// dimensions reports <c>served: false</c>. Times use the calendar's own fields (processes/Geo/CALENDARS.md).
    /// </summary>
    public const string Describe = """
import json, sys, datetime
from collections import Counter
import numpy as np, pandas as pd, xarray as xr, rioxarray, zarr

def label(t):
    if isinstance(t, np.datetime64):
        t = pd.Timestamp(t)
    s = "%04d-%02d-%02dT%02d:%02d:%02d" % (t.year, t.month, t.day, t.hour, t.minute, t.second)
    if t.microsecond:
        s += ("." + "%06d" % t.microsecond).rstrip("0")
    return s + "Z"

def micros(td):
    return int(round(td / datetime.timedelta(microseconds=1)))

def iso_duration(us):
    day = 86400 * 10**6
    if us % day == 0:
        return "P%dD" % (us // day)
    out = "P" + ("%dD" % (us // day) if us >= day else "") + "T"
    rest = us % day
    h, m, s = rest // 3600000000, rest // 60000000 % 60, rest % 60000000
    if h: out += "%dH" % h
    if m: out += "%dM" % m
    if s:
        out += str(s // 10**6) + (("." + "%06d" % (s % 10**6)).rstrip("0") if s % 10**6 else "") + "S"
    return out

def fold(west, east):
    if east - west >= 360:
        return -180.0, 180.0
    w = ((west + 180) % 360) - 180
    e = ((east + 180) % 360) - 180
    return w, (180.0 if e == -180 else e)

def number(v):
    if v is None: return None
    v = float(v)
    return "nan" if np.isnan(v) else v

out = {}
for name, path, group in json.load(sys.stdin):
    root_attrs = dict(zarr.open_group(path, mode="r").attrs)
    ms = root_attrs.get("multiscales")
    if group is None and isinstance(ms, list):
        group = ms[0]["datasets"][0]["path"]
    ds = xr.open_zarr(path, group=group, use_cftime=True, decode_coords="all")
    # rioxarray finds only x/y and longitude/latitude by itself; lon/lat and CF axis attributes are told to it.
    def spatial(var, axis, names, units):
        found = [d for d in var.dims if d in names or (d in ds.coords and (ds[d].attrs.get("axis") == axis or ds[d].attrs.get("units") == units))]
        return found[0] if len(found) == 1 else None
    candidates, axes = [], {}
    for k, v in ds.data_vars.items():
        xd, yd = spatial(v, "X", ("x", "lon", "longitude"), "degrees_east"), spatial(v, "Y", ("y", "lat", "latitude"), "degrees_north")
        if xd and yd:
            axes[k] = (xd, yd)
            candidates.append(k)
    if not candidates:
        out[name] = {"served": False, "variables": list(ds.data_vars)}
        continue
    dims = Counter(ds[k].dims for k in candidates).most_common(1)[0][0]
    first = [k for k in candidates if ds[k].dims == dims][0]
    v = ds[first].rio.set_spatial_dims(x_dim=axes[first][0], y_dim=axes[first][1])
    crs = v.rio.crs
    if crs is None and ds[v.rio.x_dim].attrs.get("units") == "degrees_east":
        from pyproj import CRS
        crs = CRS.from_epsg(4326)
    bounds = list(v.rio.bounds())
    if crs.is_geographic:
        w, e = fold(bounds[0], bounds[2])
        wgs84 = [w, max(-90.0, bounds[1]), e, min(90.0, bounds[3])]
    else:
        wgs84 = list(v.rio.transform_bounds("EPSG:4326", densify_pts=21))
    time_dim = next((dim for dim in dims if dim in ds.coords and (np.issubdtype(ds[dim].dtype, np.datetime64) or ds[dim].dtype == object)), None)
    entry = {"served": True, "x_dim": v.rio.x_dim, "y_dim": v.rio.y_dim, "time_dim": time_dim, "dims": list(dims),
             "bounds": bounds, "resolution": [abs(r) for r in v.rio.resolution()], "epsg": crs.to_epsg(), "wgs84": wgs84}
    if time_dim:
        times = list(ds[time_dim].values)
        steps = {micros(b - a) for a, b in zip(times, times[1:])}
        entry["time_extent"] = [label(times[0]), label(times[-1])]
        entry["time_step"] = iso_duration(steps.pop()) if len(steps) == 1 else None
        entry["calendar"] = ds[time_dim].encoding.get("calendar", "proleptic_gregorian")
    bands = []
    for k in sorted(k for k in candidates if ds[k].dims == dims):
        enc = ds[k].encoding
        fill = enc.get("_FillValue", enc.get("missing_value"))
        bands.append({"name": k, "dtype": str(np.dtype(enc["dtype"])), "unit": ds[k].attrs.get("units"),
                      "nodata": number(fill), "scale": number(enc.get("scale_factor")), "offset": number(enc.get("add_offset"))})
    entry["bands"] = bands
    band_dims = [dim for dim in dims if dim not in (v.rio.x_dim, v.rio.y_dim, time_dim)]
    entry["band_labels"] = {dim: [str(x) for x in (ds[k].attrs.get("long_name") if isinstance(ds[k].attrs.get("long_name"), list) else ds[dim].values)] for dim in band_dims}
    out[name] = entry
print(json.dumps(out))
""";
}
