using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Results;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Http;

/// <summary>One span per client operation on <c>AlertProbe.ThousandEyes</c>, tagged without secrets.</summary>
public sealed class OperationSpanTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    // Spans of this test only: xunit runs other classes in parallel, and their clients use the same source.
    private readonly string _marker = Guid.NewGuid().ToString("N");
    private readonly Activity _parent;

    public OperationSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ThousandEyesTelemetry.SourceName or "test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == ThousandEyesTelemetry.SourceName && activity.Parent?.GetBaggageItem("marker") == _marker)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _parent = new Activity("test").AddBaggage("marker", _marker).Start();
    }

    public void Dispose()
    {
        _parent.Dispose();
        _listener.Dispose();
    }

    [Fact]
    public async Task A_create_is_one_span_tagged_with_operation_version_and_test_type_and_no_secret()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Created, """{"testId":"281474976710656","type":"http-server","_links":{}}"""));

        await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        var span = Assert.Single(_spans);
        Assert.Equal(("ThousandEyes CreateInstantTest", "CreateInstantTest", "v7", "http-server", ActivityStatusCode.Unset),
            (span.DisplayName, span.GetTagItem(ThousandEyesTelemetry.OperationTag), span.GetTagItem(ThousandEyesTelemetry.ApiVersionTag),
             span.GetTagItem(ThousandEyesTelemetry.TestTypeTag), span.Status));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains("canned-token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_listing_of_two_pages_is_one_span()
    {
        var handler = new CannedHandler((request, _) => CannedHandler.Json(
            HttpStatusCode.OK,
            request.RequestUri!.Query.Contains("cursor=", StringComparison.Ordinal) ? Fixtures.RealShapes.V7NetworkPage2 : Fixtures.RealShapes.V7NetworkPage1,
            "application/hal+json"));

        await Create(handler, ThousandEyesApiVersion.V7).GetTestResultsAsync("7301946", TestResultFamily.Network);

        var span = Assert.Single(_spans);
        Assert.Equal((2, "GetTestResults", "network"), (handler.Requests.Count, span.GetTagItem(ThousandEyesTelemetry.OperationTag), span.GetTagItem(ThousandEyesTelemetry.ResultFamilyTag)));
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_as_an_error_of_that_kind()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403}"""));

        var result = await Create(handler, ThousandEyesApiVersion.V7).RerunInstantTestAsync("7000001");

        var span = Assert.Single(_spans);
        var kind = result.Error!.GetType().Name;
        Assert.Equal((ActivityStatusCode.Error, kind), (span.Status, span.GetTagItem(ThousandEyesTelemetry.ErrorTag)));
        Assert.IsAssignableFrom<ThousandEyesError>(result.Error);
    }
}
