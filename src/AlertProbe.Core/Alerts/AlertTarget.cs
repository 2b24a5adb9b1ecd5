namespace AlertProbe.Core.Alerts;

/// <summary>A thing an alert points at that an instant test could probe.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Value">The URL, host name (optionally host:port) or IP address, as found.</param>
/// <param name="Origin">Where in the alert it was found, e.g. "labels.instance" or "customProperties.probeUrl".</param>
public sealed record AlertTarget(AlertTargetKind Kind, string Value, string Origin);

public enum AlertTargetKind
{
    Url,
    Host,
    IpAddress,
}
