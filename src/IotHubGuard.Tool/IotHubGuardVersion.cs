using System;

namespace IotHubGuard.Tool;

internal static class IotHubGuardVersion
{
    public static bool TryParse(string text, out Version version)
    {
        version = new Version(0, 0);
        string trimmed = text.Trim().TrimStart('v', 'V');
        if (!Version.TryParse(trimmed.Split('-', '+')[0], out Version? parsed) || parsed.Major < 0)
        {
            return false;
        }

        version = parsed;
        return true;
    }
}
