namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>What became of a verdict's reply; <see cref="Detail"/> names the destination by kind and host only.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, string Detail);
