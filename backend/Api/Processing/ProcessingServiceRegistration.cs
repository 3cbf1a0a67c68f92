using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Validation;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>Everything <c>/validation</c> and <c>/result</c> need, added with one call from the composition root.</summary>
public static class ProcessingServiceRegistration
{
    public static IServiceCollection AddOpenEoProcessing(this IServiceCollection services)
    {
        services.AddOptions<SyncProcessingOptions>().BindConfiguration(SyncProcessingOptions.SectionName)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxConcurrentRequests > 0 && o.MemoryBudgetBytes > 0,
                $"{SyncProcessingOptions.SectionName}: Timeout, MaxConcurrentRequests and MemoryBudgetBytes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IUserProcessSource>(NoUserProcesses.Instance);
        services.TryAddSingleton(sp => new ProcessResolver(sp.GetService<ProcessCatalogue>() ?? ProcessCatalogue.Predefined, sp.GetRequiredService<IUserProcessSource>()));
        services.TryAddSingleton(sp => new Evaluator(sp.GetRequiredService<ProcessResolver>()));
        services.TryAddSingleton(sp => new ProcessGraphValidator(sp.GetRequiredService<ProcessResolver>()));
        services.TryAddSingleton<SyncProcessingLimiter>();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddOpenEoEndpoints<ProcessingEndpoints>();
    }
}
