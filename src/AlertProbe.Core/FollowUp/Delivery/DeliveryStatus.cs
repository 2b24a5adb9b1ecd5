namespace AlertProbe.Core.FollowUp.Delivery;

public enum DeliveryStatus
{
    /// <summary>The destination accepted the verdict.</summary>
    Delivered,

    /// <summary>An earlier attempt delivered this run's verdict to this destination: nothing sent.</summary>
    AlreadyDelivered,

    /// <summary>No reply address and no default destination.</summary>
    NoDestination,

    /// <summary>The destination failed in a way worth retrying later (5xx, 408, 429, timeout, connection).</summary>
    FailedTransiently,

    /// <summary>The destination refused the verdict (other 4xx, or not an http(s) URL): retrying will not help.</summary>
    FailedPermanently,
}
