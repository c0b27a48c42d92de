namespace IotHubGuard.Package.Tests;

/// <summary>Device code for the recovery rules (AZIOT501, AZIOT502) in the consumer project.</summary>
internal static class ConsumerSourcesRecovery
{
    public const string Firing = """
        using Microsoft.Azure.Devices.Client;

        namespace Consumer;

        public static class RecoveryDevice
        {
            public static async Task RunAsync(string connectionString)
            {
                await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
                client.SetRetryPolicy(new NoRetry());
                await client.OpenAsync();
            }
        }
        """;
}
