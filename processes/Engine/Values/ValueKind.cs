namespace OpenEoBridge.Processes.Values;

public enum ValueKind
{
    NoData,
    Number,
    Boolean,
    String,
    Array,
    Object,
    /// <summary>A compiled child process graph passed as an argument.</summary>
    Callback,
    /// <summary>A value owned by another subsystem (a data cube, a vector cube), see <see cref="ExternalValue"/>.</summary>
    External,
}
