using System.ComponentModel.DataAnnotations;
using AlertProbe.ThousandEyes.Authentication;

namespace AlertProbe.ThousandEyes;

/// <summary>The <c>ThousandEyes</c> configuration section. Credentials are not here: see the credential sources.</summary>
public sealed class ThousandEyesOptions
{
    public const string SectionName = "ThousandEyes";

    /// <summary>The API root; v6/ and v7/ paths are resolved under it. https unless loopback.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.thousandeyes.com/");

    public ThousandEyesApiVersion ApiVersion { get; set; } = ThousandEyesApiVersion.V7;

    /// <summary>Default account group (<c>aid</c>) for calls that name none.</summary>
    public string? AccountGroupId { get; set; }

    public ThousandEyesAuthScheme AuthScheme { get; set; } = ThousandEyesAuthScheme.Bearer;

    /// <summary>How long the agent list is reused (it changes slowly). Zero disables the cache.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AgentCacheLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Timeout of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timeout of one call over all its attempts and backoff delays; longer than <see cref="RequestTimeout"/>. A 401
    /// resend (after one credential re-read) is a second call with its own total.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:30:00")]
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after the first attempt for transient failures (never for 429).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base of the exponential backoff (with jitter). Zero retries at once (tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many result pages are followed per fetch.</summary>
    [Range(1, 1000)]
    public int MaxResultPages { get; set; } = 20;
}
