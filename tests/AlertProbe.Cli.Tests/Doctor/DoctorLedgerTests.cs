using AlertProbe.Cli.Doctor;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Cli.Tests.Doctor;

/// <summary>The doctor's Table Storage check against Azurite on loopback (its own class: only it needs the emulator).</summary>
public sealed class DoctorLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Ledger_passes_when_azurite_answers_and_never_shows_the_account_key()
    {
        var result = await LedgerCheck.RunAsync(
            DoctorCheckTests.Settings(new() { ["Ledger:ConnectionString"] = azurite.ConnectionString }), new DoctorFakes(), CancellationToken.None);

        Assert.True(result.Status == DoctorStatus.Pass, result.Detail);
        Assert.DoesNotContain("AccountKey", result.Detail, StringComparison.Ordinal);
    }
}
