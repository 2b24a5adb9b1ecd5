namespace AlertProbe.Simulator.State;

public enum TargetFailureKind
{
    HttpStatus,
    DnsFailure,
    ConnectionTimeout,
    PacketLoss,
}
