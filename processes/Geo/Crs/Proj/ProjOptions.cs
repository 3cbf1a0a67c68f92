using System.Runtime.InteropServices;

namespace OpenEoBridge.Geo.Crs.Proj;

/// <summary>A NULL-terminated <c>const char* const*</c> option list for PROJ calls, freed on dispose.</summary>
internal sealed class ProjOptions : IDisposable
{
    private readonly IntPtr[] _strings;
    private readonly IntPtr _array;

    public ProjOptions(params string[] options)
    {
        _strings = options.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        _array = Marshal.AllocHGlobal(IntPtr.Size * (_strings.Length + 1));
        for (var i = 0; i < _strings.Length; i++)
        {
            Marshal.WriteIntPtr(_array, i * IntPtr.Size, _strings[i]);
        }

        Marshal.WriteIntPtr(_array, _strings.Length * IntPtr.Size, IntPtr.Zero);
    }

    public IntPtr Pointer => _array;

    public void Dispose()
    {
        foreach (var s in _strings)
        {
            Marshal.FreeCoTaskMem(s);
        }

        Marshal.FreeHGlobal(_array);
    }
}
