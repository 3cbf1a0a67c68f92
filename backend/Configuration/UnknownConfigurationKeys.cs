using System.Collections;
using System.Reflection;

namespace OpenEoBridge.Backend.Configuration;

/// <summary>
/// Finds keys under <c>OpenEo</c> that bind to nothing, so a typo ("OpenEo:User") is reported at start-up
/// instead of silently leaving a default in place.
/// </summary>
public static class UnknownConfigurationKeys
{
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var unknown = new List<string>();
        var section = configuration.GetSection(OpenEoOptions.SectionName);
        foreach (var child in section.GetChildren())
        {
            if (OpenEoOptions.SectionsBoundElsewhere.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            Check(child, typeof(OpenEoOptions), unknown);
        }

        return unknown;
    }

    private static void Check(IConfigurationSection section, Type owner, List<string> unknown)
    {
        var property = owner.GetProperty(section.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            unknown.Add(section.Path);
            return;
        }

        CheckValue(section, property.PropertyType, unknown);
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> unknown)
    {
        if (IsScalar(type))
        {
            foreach (var child in section.GetChildren())
            {
                unknown.Add(child.Path);
            }

            return;
        }

        var elementType = ElementType(type);
        foreach (var child in section.GetChildren())
        {
            if (elementType is not null)
            {
                CheckValue(child, elementType, unknown);
            }
            else
            {
                Check(child, type, unknown);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) ||
        type == typeof(decimal) || Nullable.GetUnderlyingType(type) is not null;

    // Dictionaries and lists: every child is one element, named by key or index.
    private static Type? ElementType(Type type)
    {
        if (type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[1];
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }
}
