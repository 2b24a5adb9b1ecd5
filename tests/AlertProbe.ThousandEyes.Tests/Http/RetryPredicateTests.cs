using System.Net;
using AlertProbe.ThousandEyes.Http;
using Polly;
using Polly.Timeout;

namespace AlertProbe.ThousandEyes.Tests.Http;

public sealed class RetryPredicateTests
{
    [Theory]
    [InlineData(ThousandEyesOperation.Read, 500, true)]
    [InlineData(ThousandEyesOperation.Read, 502, true)]
    [InlineData(ThousandEyesOperation.Read, 503, true)]
    [InlineData(ThousandEyesOperation.Read, 504, true)]
    [InlineData(ThousandEyesOperation.Read, 408, true)]
    [InlineData(ThousandEyesOperation.Read, 429, false)]
    [InlineData(ThousandEyesOperation.Read, 400, false)]
    [InlineData(ThousandEyesOperation.Read, 401, false)]
    [InlineData(ThousandEyesOperation.Read, 404, false)]
    [InlineData(ThousandEyesOperation.Rerun, 502, true)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, 500, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, 502, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, 503, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, 504, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, 408, false)]
    [InlineData(ThousandEyesOperation.Rerun, 500, true)]
    [InlineData(ThousandEyesOperation.Rerun, 429, false)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 500, false)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 504, false)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 408, false)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 502, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 503, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, 429, false)]
    internal void Responses_are_retried_per_operation(ThousandEyesOperation operation, int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(retried, ThousandEyesResiliencePipeline.ShouldRetry(Outcome.FromResult(response), operation));
    }

    [Theory]
    [InlineData(ThousandEyesOperation.Read, HttpRequestError.ResponseEnded, true)]
    [InlineData(ThousandEyesOperation.Rerun, HttpRequestError.Unknown, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, HttpRequestError.ConnectionError, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, HttpRequestError.NameResolutionError, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, HttpRequestError.ResponseEnded, false)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, HttpRequestError.Unknown, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, HttpRequestError.ConnectionError, true)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, HttpRequestError.ResponseEnded, false)]
    internal void Connection_failures_are_retried_for_a_create_only_before_sending(ThousandEyesOperation operation, HttpRequestError error, bool retried) =>
        Assert.Equal(retried, ThousandEyesResiliencePipeline.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "failed")), operation));

    [Theory]
    [InlineData(ThousandEyesOperation.Read)]
    [InlineData(ThousandEyesOperation.CreateInstantTest)]
    internal void Other_exceptions_are_not_retried(ThousandEyesOperation operation) =>
        Assert.False(ThousandEyesResiliencePipeline.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException("bug")), operation));

    [Theory]
    [InlineData(ThousandEyesOperation.Read, true)]
    [InlineData(ThousandEyesOperation.Rerun, true)]
    [InlineData(ThousandEyesOperation.CreateInstantTest, false)]
    [InlineData(ThousandEyesOperation.CreateSnapshot, false)]
    internal void A_timeout_is_retried_except_for_a_create(ThousandEyesOperation operation, bool retried) =>
        Assert.Equal(retried, ThousandEyesResiliencePipeline.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), operation));
}
