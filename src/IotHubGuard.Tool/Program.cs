using System;
using System.IO;
using System.Reflection;

namespace IotHubGuard.Tool;

internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                Console.Out.Write(Usage.Text);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Clean;
            }

            if (args[0] == "--version")
            {
                Console.Out.WriteLine(Version);
                return ExitCodes.Clean;
            }

            string[] rest = args[1..];
            return args[0] switch
            {
                "diagnose" => new DiagnoseCommand(Console.Out, Console.Error).Run(rest),
                "simulate" => SimulateCommand.Run(rest, Console.Out),
                _ => throw new UsageException("unknown command '" + args[0] + "'."),
            };
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine("iothubguard: " + ex.Message + " Run 'iothubguard --help'.");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine("iothubguard: " + ex.Message);
            return ExitCodes.NoInput;
        }
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
