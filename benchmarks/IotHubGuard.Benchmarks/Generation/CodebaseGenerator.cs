using System;
using System.Collections.Generic;

namespace IotHubGuard.Benchmarks.Generation;

/// <summary>
/// Generates a realistic C# project, deterministically from a seed. A device codebase is about 40 % IoT code
/// (DeviceClient/ModuleClient services, transport settings, auth, retry policies, reconnect supervisors, edge modules,
/// raw MQTTnet clients) and 60 % plain business code (models, validators, stores, statistics, parsers, workers); it is
/// mostly correct, with a violation planted in about one IoT file in sixteen. A plain codebase has the business code only.
/// </summary>
public static partial class CodebaseGenerator
{
    /// <summary>The seed used unless told otherwise.</summary>
    public const int DefaultSeed = 20_240_607;

    private const double ViolationRate = 0.0625;

    private static readonly string[] s_nouns =
    {
        "Boiler", "Chiller", "Pump", "Valve", "Meter", "Turbine", "Compressor", "Freezer", "Conveyor", "Kiln",
        "Mixer", "Press", "Furnace", "Dryer", "Scale", "Gate", "Tank", "Fan", "Heater", "Filter", "Crane", "Drill",
        "Lathe", "Robot", "Oven", "Pallet", "Locker", "Charger", "Inverter", "Battery",
    };

    private static readonly string[] s_sensors =
    {
        "temperature", "humidity", "pressure", "vibration", "current", "voltage", "flow", "level", "rpm", "co2",
    };

    /// <summary>Generates <paramref name="fileCount"/> files (at least the handful of core files).</summary>
    public static Codebase Generate(CodebaseKind kind, int fileCount, int seed = DefaultSeed)
    {
        if (fileCount < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(fileCount), "At least 10 files.");
        }

        var state = new State(kind, seed);
        state.AddCoreFiles();
        while (state.Files.Count < fileCount)
        {
            state.AddFile();
        }

        return new Codebase(kind, seed, state.Files, state.Planted);
    }

    private sealed partial class State
    {
        private readonly Random _random;
        private readonly CodebaseKind _kind;
        private readonly List<(string Namespace, string Type)> _models = new();
        private int _index;

        public State(CodebaseKind kind, int seed)
        {
            _kind = kind;
            // Seeded System.Random keeps its legacy algorithm on every .NET version: the output is stable.
            _random = new Random(seed ^ (kind == CodebaseKind.Device ? 0x5eed : 0x0b17));
        }

        public List<GeneratedFile> Files { get; } = new();

        public SortedDictionary<string, int> Planted { get; } = new(StringComparer.Ordinal);

        public void AddCoreFiles()
        {
            Add("GlobalUsings.g.cs", "core", GlobalUsings);
            Add("Core/Measurement.cs", "core", CoreMeasurement);
            Add("Core/Logging.cs", "core", CoreLogging);
            Add("Core/Clock.cs", "core", CoreClock);
            Add("Core/Result.cs", "core", CoreResult);
            if (_kind == CodebaseKind.Device)
            {
                Add("Devices/DeviceIdentity.cs", "core", DeviceIdentity);
            }

            // Business templates after a model need at least one model to work with.
            AddModel();
        }

        public void AddFile()
        {
            if (_kind == CodebaseKind.Device && _random.NextDouble() < 0.40)
            {
                AddIotFile();
            }
            else
            {
                AddBusinessFile();
            }
        }

        private void AddBusinessFile()
        {
            switch (_random.Next(100))
            {
                case < 22: AddModel(); break;
                case < 38: AddStore(); break;
                case < 54: AddStatistics(); break;
                case < 70: AddParser(); break;
                case < 86: AddWorker(); break;
                default: AddExtensions(); break;
            }
        }

        private void AddIotFile()
        {
            switch (_random.Next(100))
            {
                case < 20: AddTelemetryService(); break;
                case < 34: AddConnectionSettings(); break;
                case < 43: AddAuthentication(); break;
                case < 51: AddRetryPolicy(); break;
                case < 61: AddReconnectSupervisor(); break;
                case < 72: AddEdgeModule(); break;
                case < 80: AddCommandHandlers(); break;
                case < 94: AddHubMqttClient(); break;
                default: AddLocalBrokerBridge(); break;
            }
        }

        // ---- helpers -------------------------------------------------------------------------------------------

        private string NextName() => s_nouns[_random.Next(s_nouns.Length)] + (++_index).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

        private string Pick(params string[] options) => options[_random.Next(options.Length)];

        private int Pick(params int[] options) => options[_random.Next(options.Length)];

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private string Sensor() => s_sensors[_random.Next(s_sensors.Length)];

        private (string Namespace, string Type) AnyModel() => _models[_random.Next(_models.Count)];

        /// <summary>Whether to plant a violation in this IoT file; records it under <paramref name="id"/> if so.</summary>
        private bool Plant(string id)
        {
            if (!Chance(ViolationRate))
            {
                return false;
            }

            Planted[id] = Planted.TryGetValue(id, out var n) ? n + 1 : 1;
            return true;
        }

        private void Add(string path, string template, string text) => Files.Add(new GeneratedFile(path, text, template));

        private static string Inv(double value) => value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
    }
}
