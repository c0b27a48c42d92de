using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotHubGuard.Tool;

/// <summary>A small parser: <c>--name value</c>, <c>--name=value</c>, flags, and positional arguments.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new Dictionary<string, string?>(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public List<string> Positional { get; } = new List<string>();

    public static CommandLine Parse(IReadOnlyList<string> args, ISet<string> flags, ISet<string> valued)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
            {
                result.Positional.Add(arg);
                continue;
            }

            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=');
            if (equals > 0)
            {
                name = arg.Substring(0, equals);
                value = arg.Substring(equals + 1);
            }

            if (flags.Contains(name) && value == null)
            {
                result.options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (value == null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException(name + " needs a value.");
                    }

                    value = args[++i];
                }

                result.options[name] = value;
            }
            else
            {
                throw new UsageException("unknown option " + name + ".");
            }
        }

        return result;
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.TryGetValue(name, out string? value) ? value : null;

    public double? GetNumber(string name, double min, double max)
    {
        string? text = Get(name);
        if (text == null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
        {
            throw new UsageException(name + " must be a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + " (got '" + text + "').");
        }

        return value;
    }
}

/// <summary>A command-line mistake, reported with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
