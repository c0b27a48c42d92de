using System.Text;
using Microsoft.Azure.Devices.Client;

namespace FiringDevice;

/// <summary>
/// A field gateway written for the bench: retries off "so errors show up immediately", and nobody listens to the
/// connection status. In the field the first transient hub error leaves it offline for good.
/// </summary>
internal sealed class RecoveryGateway : IAsyncDisposable
{
    private readonly IRetryPolicy _retryPolicy = new NoRetry();                                             // AZIOT501
    private readonly DeviceClient _upstream;

    public RecoveryGateway(string connectionString)
    {
        _upstream = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);           // AZIOT502
        _upstream.SetRetryPolicy(_retryPolicy);
    }

    public async Task ForwardAsync(string payload, CancellationToken cancellationToken)
    {
        using var message = new Message(Encoding.UTF8.GetBytes(payload));
        await _upstream.SendEventAsync(message, cancellationToken);
    }

    public static async Task RunLegacyModuleAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var module = ModuleClient.CreateFromConnectionString(connectionString);                 // AZIOT502
        module.SetRetryPolicy(new NoRetry());                                                                // AZIOT501
        await module.OpenAsync(cancellationToken);
        await module.CloseAsync(cancellationToken);
    }

    public static void ConfigureLegacyClient(DeviceClient client)
        => client.RetryPolicy = RetryPolicyType.No_Retry;                                                   // AZIOT501 (obsolete property)

    public async ValueTask DisposeAsync()
    {
        await _upstream.CloseAsync();
        _upstream.Dispose();
    }
}
