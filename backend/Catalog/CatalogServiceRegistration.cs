using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Api.Collections;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>Everything <c>/collections</c> needs, added with one call from the composition root.</summary>
public static class CatalogServiceRegistration
{
    public const string StorageSectionName = "OpenEo:Storage";

    public static IServiceCollection AddOpenEoCatalog(this IServiceCollection services)
    {
        // The validator also reports unknown keys, as the foundation's check does for the sections it binds itself.
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();

        // The storage layer's options and store factory are shared with every other user of stores.
        services.AddOptions<StorageOptions>().BindConfiguration(StorageSectionName);
        services.TryAddSingleton(sp => new StoreFactory(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, null, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ICatalogSourceProvider, ConfiguredSources>();
        services.AddSingleton<ICatalogSourceProvider, DemoSources>();
        services.AddSingleton<CollectionLoader>();
        services.AddSingleton<CollectionRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<CollectionRegistry>());
        return services.AddOpenEoEndpoints<CollectionsEndpoints>();
    }
}
