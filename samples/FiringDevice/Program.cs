// Device code as it is often written, with the patterns behind IoT Hub error 404104.
// Build it to see the IotHubGuard warnings; CleanDevice is the fixed twin.
using FiringDevice;

Console.WriteLine("FiringDevice only exists to show IotHubGuard diagnostics; see the build output.");
_ = KeepAliveSettings.SdkTransport();
_ = KeepAliveSettings.RawMqtt("contoso-hub", "thermostat-01");
return 0;
