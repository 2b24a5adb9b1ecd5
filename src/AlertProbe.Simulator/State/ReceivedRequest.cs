namespace AlertProbe.Simulator.State;

/// <summary>A request the simulator received. The Authorization value is never kept, only whether one was sent.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, bool HasAuthorization, DateTimeOffset ReceivedAt);
