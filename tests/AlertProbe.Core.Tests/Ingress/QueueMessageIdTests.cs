using AlertProbe.Core.Ingress;

namespace AlertProbe.Core.Tests.Ingress;

public sealed class QueueMessageIdTests
{
    private static readonly byte[] Body = """{"a":1}"""u8.ToArray();

    [Fact]
    public void Delivery_id_is_used_as_is_after_the_source()
    {
        Assert.Equal("pagerduty:f7a3c2d1-0000-4000-8000-000000000001", QueueMessageId.For("pagerduty", "f7a3c2d1-0000-4000-8000-000000000001", Body));
    }

    [Fact]
    public void Same_body_without_delivery_id_gets_the_same_id_every_time()
    {
        Assert.Equal(QueueMessageId.For("alertmanager", null, Body), QueueMessageId.For("alertmanager", null, """{"a":1}"""u8.ToArray()));
    }

    [Fact]
    public void Different_bodies_get_different_ids()
    {
        Assert.NotEqual(QueueMessageId.For("alertmanager", null, Body), QueueMessageId.For("alertmanager", null, """{"a":2}"""u8.ToArray()));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public void Unusual_delivery_ids_are_hashed_into_a_valid_id(string deliveryId)
    {
        var id = QueueMessageId.For("slack", deliveryId, Body);

        Assert.StartsWith("slack:id-sha256:", id, StringComparison.Ordinal);
        Assert.True(id.Length <= 128, id);
    }

    [Fact]
    public void Long_delivery_id_stays_within_the_Service_Bus_limit()
    {
        Assert.True(QueueMessageId.For("teams", new string('x', 500), Body).Length <= 128);
    }

    [Fact]
    public void Missing_source_is_marked_auto()
    {
        Assert.StartsWith("auto:body-sha256:", QueueMessageId.For(null, null, Body), StringComparison.Ordinal);
    }
}
