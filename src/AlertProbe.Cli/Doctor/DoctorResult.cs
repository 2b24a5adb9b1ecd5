namespace AlertProbe.Cli.Doctor;

/// <summary>One row of the doctor's report. Never holds a secret: details name hosts, entities and secret names only.</summary>
internal sealed record DoctorResult(string Check, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorResult Pass(string check, string detail) => new(check, DoctorStatus.Pass, detail);

    public static DoctorResult Fail(string check, string detail, string fix) => new(check, DoctorStatus.Fail, detail, fix);

    public static DoctorResult Skip(string check, string detail) => new(check, DoctorStatus.Skip, detail);
}
