# OpenEoBridge back-end image. Not built in CI: no container registry is reachable from the build machines.
# Build:  docker build -t openeobridge .
# Run:    docker run -p 8080:8080 -v openeo-data:/data -e OpenEo__Users__alice='<hash>' openeobridge
#         (print a hash with: echo 'secret' | dotnet run --project backend --no-launch-profile -- hash-password)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only sources change.
COPY Directory.Build.props Directory.Packages.props ./
COPY backend/OpenEoBridge.Backend.csproj backend/
COPY client/OpenEoBridge.Client.csproj client/
COPY processes/Storage/OpenEoBridge.Storage.csproj processes/Storage/
COPY processes/Zarr/OpenEoBridge.Zarr.csproj processes/Zarr/
COPY processes/Geo/OpenEoBridge.Geo.csproj processes/Geo/
COPY processes/Engine/OpenEoBridge.Processes.csproj processes/Engine/
RUN dotnet restore backend/OpenEoBridge.Backend.csproj
COPY backend/ backend/
COPY client/ client/
COPY processes/ processes/
COPY openeo-spec/ openeo-spec/
RUN dotnet publish backend/OpenEoBridge.Backend.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# CRS transformations call the system PROJ library (and its EPSG database in proj-data) through P/Invoke.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libproj25 proj-data \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The image's non-root user owns the data volume (token key, jobs, results).
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    OpenEo__DataDirectory=/data
EXPOSE 8080
# Orchestrators can probe GET /health (the image has no curl; use an HTTP probe of the platform).
ENTRYPOINT ["dotnet", "OpenEoBridge.Backend.dll"]
