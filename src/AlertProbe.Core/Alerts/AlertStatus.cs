namespace AlertProbe.Core.Alerts;

public enum AlertStatus
{
    Firing,
    Resolved,
}
