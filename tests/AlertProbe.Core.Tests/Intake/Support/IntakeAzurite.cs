using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>One Azurite for the intake tests; each test gets its own tables (a unique prefix) and its own simulator.</summary>
[CollectionDefinition(Name)]
public sealed class IntakeAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Intake on Azurite";
}
