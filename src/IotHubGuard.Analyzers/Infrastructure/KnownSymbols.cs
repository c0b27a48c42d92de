using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The SDK and MQTTnet symbols the rules need, resolved once per compilation.
/// <see cref="IsRelevant"/> is false for projects that reference neither library: analyzers then register nothing.
/// </summary>
internal sealed class KnownSymbols
{
    private const string Sdk = "Microsoft.Azure.Devices.Client.";
    private const string IotDevice = "Microsoft.Azure.Iot.Device.";

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");

        DeviceClient = compilation.GetTypeByMetadataName(Sdk + "DeviceClient");
        ModuleClient = compilation.GetTypeByMetadataName(Sdk + "ModuleClient");
        ClientOptions = compilation.GetTypeByMetadataName(Sdk + "ClientOptions");
        MqttTransportSettings = compilation.GetTypeByMetadataName(Sdk + "Transport.Mqtt.MqttTransportSettings");
        AmqpTransportSettings = compilation.GetTypeByMetadataName(Sdk + "AmqpTransportSettings");
        IRetryPolicy = compilation.GetTypeByMetadataName(Sdk + "IRetryPolicy");
        NoRetry = compilation.GetTypeByMetadataName(Sdk + "NoRetry");
        RetryPolicyType = compilation.GetTypeByMetadataName(Sdk + "RetryPolicyType");
        ExponentialBackoff = compilation.GetTypeByMetadataName(Sdk + "ExponentialBackoff");
        IAuthenticationMethod = compilation.GetTypeByMetadataName(Sdk + "IAuthenticationMethod");
        DeviceAuthenticationWithToken = compilation.GetTypeByMetadataName(Sdk + "DeviceAuthenticationWithToken");
        ModuleAuthenticationWithToken = compilation.GetTypeByMetadataName(Sdk + "ModuleAuthenticationWithToken");
        AuthenticationWithTokenRefresh = compilation.GetTypeByMetadataName(Sdk + "AuthenticationWithTokenRefresh");
        DeviceAuthenticationWithTokenRefresh = compilation.GetTypeByMetadataName(Sdk + "DeviceAuthenticationWithTokenRefresh");
        ModuleAuthenticationWithTokenRefresh = compilation.GetTypeByMetadataName(Sdk + "ModuleAuthenticationWithTokenRefresh");
        DeviceAuthenticationWithRegistrySymmetricKey = compilation.GetTypeByMetadataName(Sdk + "DeviceAuthenticationWithRegistrySymmetricKey");
        ModuleAuthenticationWithRegistrySymmetricKey = compilation.GetTypeByMetadataName(Sdk + "ModuleAuthenticationWithRegistrySymmetricKey");
        AuthenticationMethodFactory = compilation.GetTypeByMetadataName(Sdk + "AuthenticationMethodFactory");
        SharedAccessSignatureBuilder = compilation.GetTypeByMetadataName(Sdk + "SharedAccessSignatureBuilder");
        ConnectionStatusChangesHandler = compilation.GetTypeByMetadataName(Sdk + "ConnectionStatusChangesHandler");
        DeviceSdkAssembly = FindDeviceSdkAssembly(compilation, DeviceClient ?? ModuleClient);
        DeviceAuthenticationWithSharedAccessPolicyKey = compilation.GetTypeByMetadataName(Sdk + "DeviceAuthenticationWithSharedAccessPolicyKey");

        // MQTTnet 5.x flattened its namespaces; 4.x kept the client types in MQTTnet.Client.
        MqttClientOptionsBuilder = GetMqttType(compilation, "MqttClientOptionsBuilder");
        MqttClientOptions = GetMqttType(compilation, "MqttClientOptions");
        MqttClientWebSocketOptionsBuilder = GetMqttType(compilation, "MqttClientWebSocketOptionsBuilder");
        MqttClientCredentials = GetMqttType(compilation, "MqttClientCredentials");
        IMqttClientCredentialsProvider = GetMqttType(compilation, "IMqttClientCredentialsProvider");
        IMqttClient = GetMqttType(compilation, "IMqttClient");
        MqttClientExtensions = GetMqttType(compilation, "MqttClientExtensions");
        DnsEndPoint = compilation.GetTypeByMetadataName("System.Net.DnsEndPoint");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");

        // The runtime package's MQTTnet credentials provider (IotHubGuard.Runtime.Mqtt), when the project references it.
        IotHubSasCredentialsProvider = compilation.GetTypeByMetadataName("IotHubGuard.Runtime.Mqtt.IotHubSasCredentialsProvider");

        // Connection lifetime (AZIOT2xx): per-item lambdas and the MQTTnet client factory.
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        ListOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        MqttClient = GetMqttType(compilation, "MqttClient");

        // MQTTnet 4.x and 5.x in one place (issue 11): the factory was renamed (4.x MqttFactory -> 5.x MqttClientFactory),
        // the client types moved from MQTTnet.Client to MQTTnet. Rules ask these, never a version-specific name.
        MqttClientFactory = compilation.GetTypeByMetadataName("MQTTnet.MqttClientFactory")
            ?? compilation.GetTypeByMetadataName("MQTTnet.MqttFactory");
        MqttClientDisconnectOptions = GetMqttType(compilation, "MqttClientDisconnectOptions");
        MqttClientTcpOptions = GetMqttType(compilation, "MqttClientTcpOptions");
        // Transports that keep no connection open (HTTP): the lifetime rules leave such clients alone.
        TransportType = compilation.GetTypeByMetadataName(Sdk + "TransportType");
        Http1TransportSettings = compilation.GetTypeByMetadataName(Sdk + "Http1TransportSettings");
        ITransportSettings = compilation.GetTypeByMetadataName(Sdk + "ITransportSettings");
        // The new-generation device SDK, Microsoft.Azure.Iot.Device (issue 16): ConnectionClient + feature clients.
        IotDeviceConnectionClient = compilation.GetTypeByMetadataName(IotDevice + "AbstractConnectionClient");
        IotDeviceConnectionClientOptions = compilation.GetTypeByMetadataName(IotDevice + "Models.ConnectionClientOptions");
        IotDeviceNoRetry = compilation.GetTypeByMetadataName(IotDevice + "Retry.NoRetry");
        IotDeviceExponentialBackoff = compilation.GetTypeByMetadataName(IotDevice + "Retry.ExponentialBackoffRetryPolicy");
        IotDeviceMqttNetClientOptions = compilation.GetTypeByMetadataName(IotDevice + "MqttNetAdapter.MqttNetClientOptions");
        IotDeviceSdkAssembly = FindAssembly(compilation, IotDeviceConnectionClient, SdkVersionDefects.IotDeviceAssemblyName);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? DeviceClient { get; }
    public INamedTypeSymbol? ModuleClient { get; }
    public INamedTypeSymbol? ClientOptions { get; }
    public INamedTypeSymbol? MqttTransportSettings { get; }
    public INamedTypeSymbol? AmqpTransportSettings { get; }
    public INamedTypeSymbol? IRetryPolicy { get; }
    public INamedTypeSymbol? NoRetry { get; }
    public INamedTypeSymbol? RetryPolicyType { get; }
    public INamedTypeSymbol? ExponentialBackoff { get; }
    public INamedTypeSymbol? IAuthenticationMethod { get; }
    public INamedTypeSymbol? DeviceAuthenticationWithToken { get; }
    public INamedTypeSymbol? ModuleAuthenticationWithToken { get; }
    public INamedTypeSymbol? AuthenticationWithTokenRefresh { get; }
    public INamedTypeSymbol? DeviceAuthenticationWithTokenRefresh { get; }
    public INamedTypeSymbol? ModuleAuthenticationWithTokenRefresh { get; }
    public INamedTypeSymbol? DeviceAuthenticationWithRegistrySymmetricKey { get; }
    public INamedTypeSymbol? ModuleAuthenticationWithRegistrySymmetricKey { get; }
    public INamedTypeSymbol? AuthenticationMethodFactory { get; }
    public INamedTypeSymbol? SharedAccessSignatureBuilder { get; }
    public INamedTypeSymbol? ConnectionStatusChangesHandler { get; }
    public INamedTypeSymbol? DeviceAuthenticationWithSharedAccessPolicyKey { get; }

    /// <summary>The referenced <c>Microsoft.Azure.Devices.Client</c> assembly (never the compilation's own assembly).</summary>
    public IAssemblySymbol? DeviceSdkAssembly { get; }

    public INamedTypeSymbol? MqttClientOptionsBuilder { get; }
    public INamedTypeSymbol? MqttClientOptions { get; }
    public INamedTypeSymbol? MqttClientWebSocketOptionsBuilder { get; }
    public INamedTypeSymbol? MqttClientCredentials { get; }
    public INamedTypeSymbol? IMqttClientCredentialsProvider { get; }
    public INamedTypeSymbol? IMqttClient { get; }
    public INamedTypeSymbol? MqttClientExtensions { get; }
    public INamedTypeSymbol? DnsEndPoint { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? IotHubSasCredentialsProvider { get; }

    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? ListOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? MqttClient { get; }

    /// <summary>The MQTTnet client factory: 5.x <c>MQTTnet.MqttClientFactory</c> or 4.x <c>MQTTnet.MqttFactory</c>.</summary>
    public INamedTypeSymbol? MqttClientFactory { get; }

    /// <summary><c>MqttClientDisconnectOptions</c> (5.x <c>MQTTnet</c>, 4.x <c>MQTTnet.Client</c>).</summary>
    public INamedTypeSymbol? MqttClientDisconnectOptions { get; }

    /// <summary><c>MqttClientTcpOptions</c> (5.x <c>MQTTnet</c>, 4.x <c>MQTTnet.Client</c>).</summary>
    public INamedTypeSymbol? MqttClientTcpOptions { get; }
    public INamedTypeSymbol? TransportType { get; }
    public INamedTypeSymbol? Http1TransportSettings { get; }
    public INamedTypeSymbol? ITransportSettings { get; }
    // Microsoft.Azure.Iot.Device (the new-generation device SDK).
    public INamedTypeSymbol? IotDeviceConnectionClient { get; }
    public INamedTypeSymbol? IotDeviceConnectionClientOptions { get; }
    public INamedTypeSymbol? IotDeviceNoRetry { get; }
    public INamedTypeSymbol? IotDeviceExponentialBackoff { get; }
    public INamedTypeSymbol? IotDeviceMqttNetClientOptions { get; }

    /// <summary>The referenced <c>Microsoft.Azure.Iot.Device</c> assembly (never the compilation's own assembly).</summary>
    public IAssemblySymbol? IotDeviceSdkAssembly { get; }

    /// <summary>A <c>Microsoft.Azure.Iot.Device</c> connection client (<c>AbstractConnectionClient</c> or a type derived from it).</summary>
    public bool IsIotDeviceConnectionClient(ITypeSymbol? type)
        => type is not null && type.InheritsFromOrEquals(IotDeviceConnectionClient);

    /// <summary>The new-generation device SDK (<c>Microsoft.Azure.Iot.Device</c>) is referenced.</summary>
    public bool HasIotDeviceSdk => IotDeviceConnectionClient is not null || IotDeviceConnectionClientOptions is not null;

    /// <summary>The device SDK is referenced.</summary>
    public bool HasDeviceSdk => DeviceClient is not null || ModuleClient is not null;

    /// <summary>MQTTnet is referenced.</summary>
    public bool HasMqttNet => MqttClientOptionsBuilder is not null || MqttClientOptions is not null || IMqttClient is not null;

    /// <summary>Anything to analyze at all.</summary>
    public bool IsRelevant => HasDeviceSdk || HasMqttNet || HasIotDeviceSdk;

    /// <summary>A <c>DeviceClient</c> or <c>ModuleClient</c> (or a type derived from them).</summary>
    public bool IsDeviceOrModuleClient(ITypeSymbol? type)
        => type is not null && (type.InheritsFromOrEquals(DeviceClient) || type.InheritsFromOrEquals(ModuleClient));

    /// <summary>An MQTTnet client: <c>IMqttClient</c> or a type that implements it.</summary>
    public bool IsMqttClient(ITypeSymbol? type)
        => type is not null && IMqttClient is not null && type.Implements(IMqttClient);

    /// <summary>
    /// A call that creates a new MQTTnet client, in 4.x or 5.x shape: <c>factory.CreateMqttClient(…)</c> on
    /// <c>MqttFactory</c>/<c>MqttClientFactory</c>, or <c>new MqttClient(…)</c>.
    /// </summary>
    public bool IsMqttClientCreation(IOperation? operation)
        => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name == "CreateMqttClient"
                && MqttClientFactory is not null
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, MqttClientFactory)
                && IsMqttClient(invocation.TargetMethod.ReturnType),
            IObjectCreationOperation creation => IsMqttClient(creation.Type),
            _ => false,
        };

    /// <summary>
    /// The symbols of a compilation, resolved once and shared by every IotHubGuard analyzer: fifteen analyzers
    /// each resolving thirty types would otherwise pay for it fifteen times, even in projects without the SDK.
    /// </summary>
    public static KnownSymbols Create(Compilation compilation) => Cache.GetValue(compilation, c => new KnownSymbols(c));

    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private static IAssemblySymbol? FindDeviceSdkAssembly(Compilation compilation, INamedTypeSymbol? client)
        => FindAssembly(compilation, client, SdkVersionDefects.SdkAssemblyName);

    private static IAssemblySymbol? FindAssembly(Compilation compilation, INamedTypeSymbol? type, string assemblyName)
    {
        var assembly = type?.ContainingAssembly;
        return assembly is not null
            && assembly.Identity.Name == assemblyName
            && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
            ? assembly
            : null;
    }

    private static INamedTypeSymbol? GetMqttType(Compilation compilation, string name)
        => compilation.GetTypeByMetadataName("MQTTnet." + name)
        ?? compilation.GetTypeByMetadataName("MQTTnet.Client." + name);
}
