using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>One Azurite for the follow-up's Table Storage tests; each test uses its own tables (a unique prefix).</summary>
[CollectionDefinition(Name)]
public sealed class FollowUpAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Follow-up on Azurite";
}
