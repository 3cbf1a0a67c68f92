#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine of this kind, then runs every test.
# Independent readers and servers come from Debian (apt) and npm; nothing is downloaded otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
  python3-zarr python3-numcodecs python3-xarray python3-rioxarray python3-netcdf4 python3-cftime python3-pandas
  gdal-bin proj-bin libproj25 proj-data python3-pyproj
  python3-swift memcached python3-boto3
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

dotnet build OpenEoBridge.sln -c Release -warnaserror -nologo -v q
# Formatting is part of the build's contract: `dotnet format OpenEoBridge.sln` fixes what this reports.
dotnet format OpenEoBridge.sln --verify-no-changes --no-restore -v q
dotnet test OpenEoBridge.sln -c Release --no-build --nologo "$@"
