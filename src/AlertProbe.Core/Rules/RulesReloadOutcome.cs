namespace AlertProbe.Core.Rules;

/// <summary>What one reload poll did.</summary>
public enum RulesReloadOutcome
{
    /// <summary>No document is configured (built-in rules): nothing to poll.</summary>
    NotConfigured,

    /// <summary>The version is the one in use, or one already refused.</summary>
    Unchanged,

    /// <summary>A new version loaded and replaced the rules in use.</summary>
    Replaced,

    /// <summary>A new version failed validation; the rules in use are kept.</summary>
    Rejected,

    /// <summary>The source could not be read; the rules in use are kept.</summary>
    Unavailable,
}
