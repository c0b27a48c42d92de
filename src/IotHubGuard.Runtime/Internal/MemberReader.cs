using System;
using System.Reflection;

namespace IotHubGuard.Runtime.Internal;

/// <summary>Reads SDK objects by their public member names, so the runtime needs no reference to the device SDK.</summary>
internal static class MemberReader
{
    /// <summary>True when the type or one of its base types has the simple name <paramref name="simpleName"/>.</summary>
    public static bool IsNamed(Type? type, string simpleName)
    {
        for (Type? t = type; t != null; t = t.BaseType)
        {
            if (string.Equals(t.Name, simpleName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a public instance property or field. A getter that throws reads as "not available".</summary>
    public static bool TryGet(object target, string name, out object? value)
    {
        value = null;
        Type type = target.GetType();
        try
        {
            PropertyInfo? property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property != null && property.CanRead && property.GetIndexParameters().Length == 0)
            {
                value = property.GetValue(target);
                return true;
            }

            FieldInfo? field = type.GetField(name, BindingFlags.Public | BindingFlags.Instance);
            if (field != null)
            {
                value = field.GetValue(target);
                return true;
            }
        }
        catch (Exception ex) when (ex is TargetInvocationException || ex is AmbiguousMatchException
            || ex is InvalidOperationException || ex is NotSupportedException || ex is MethodAccessException)
        {
            value = null;
        }

        return false;
    }

    public static bool TryGetInt64(object target, string name, out long value)
    {
        value = 0;
        if (!TryGet(target, name, out object? raw) || raw == null)
        {
            return false;
        }

        switch (raw)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case uint ui: value = ui; return true;
            case byte b: value = b; return true;
            default: return false;
        }
    }

    public static bool TryGetTimeSpan(object target, string name, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (TryGet(target, name, out object? raw) && raw is TimeSpan span)
        {
            value = span;
            return true;
        }

        return false;
    }

    public static bool TryGetString(object target, string name, out string? value)
    {
        value = null;
        if (TryGet(target, name, out object? raw) && raw is string text)
        {
            value = text;
            return true;
        }

        return false;
    }
}
