namespace AlertProbe.Cli.Doctor;

/// <summary>How one dependency check came out.</summary>
internal enum DoctorStatus
{
    /// <summary>The dependency answered as the app needs it.</summary>
    Pass,

    /// <summary>It did not: <see cref="DoctorResult.Fix"/> says what to change.</summary>
    Fail,

    /// <summary>Not configured, so the app does not use it (e.g. no Key Vault: credentials come from settings).</summary>
    Skip,
}
