using System.Collections.Frozen;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Library;

/// <summary>
/// The predefined processes this back-end offers, built once without reflection. The engine's core processes are
/// listed in <see cref="CoreProcesses"/>; the process library adds its own in the partial method
/// <see cref="AddLibraryProcesses"/> (implemented in Library/LibraryProcesses.cs), so each side edits only its own file.
/// </summary>
public sealed partial class ProcessCatalogue
{
    private readonly FrozenDictionary<string, Process> _processes;

    public ProcessCatalogue(IEnumerable<Process> processes)
    {
        var byId = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            if (!byId.TryAdd(process.Id, process))
            {
                throw new InvalidOperationException($"The process '{process.Id}' is registered twice.");
            }
        }

        _processes = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every predefined process of this back-end.</summary>
    public static ProcessCatalogue Predefined { get; } = CreatePredefined();

    public IReadOnlyCollection<Process> All => _processes.Values;

    public IEnumerable<string> Ids => _processes.Keys.Order(StringComparer.Ordinal);

    public Process? Find(string id) => _processes.GetValueOrDefault(id);

    private static ProcessCatalogue CreatePredefined()
    {
        var processes = new List<Process>();
        CoreProcesses.AddTo(processes);
        AddLibraryProcesses(processes);
        return new ProcessCatalogue(processes);
    }

    static partial void AddLibraryProcesses(ICollection<Process> processes);
}
