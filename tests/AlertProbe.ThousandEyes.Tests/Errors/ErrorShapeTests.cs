using System.Net;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Fixtures;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Errors;

public sealed class ErrorShapeTests
{
    private static readonly InstantTestRequest HttpServer = InstantTestSamples.Request(InstantTestType.HttpServer);

    [Fact]
    public async Task A_v7_validation_error_with_an_integer_field_keeps_every_field_error()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.BadRequest, RealShapes.V7ValidationError, "application/problem+json"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        var problem = Assert.IsType<BadRequestError>(result.Error).Problem!;
        Assert.Equal(
            [("INVALID_URL", "7", "url must be absolute"), (null, null, "agents must not be empty")],
            problem.Errors.Select(error => (error.Code, error.Field, error.Message)));
    }

    [Fact]
    public async Task A_v7_validation_error_keeps_its_title_status_and_detail()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.BadRequest, RealShapes.V7ValidationError, "application/problem+json"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        var problem = Assert.IsType<BadRequestError>(result.Error).Problem!;
        Assert.Equal(("Validation failed", 400, "The request has invalid fields."), (problem.Title, problem.Status, problem.Detail));
    }

    [Fact]
    public async Task A_v7_oauth_style_401_reports_its_error_description()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Unauthorized, RealShapes.V7Unauthorized));

        var result = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Contains("The access token expired", Assert.IsType<UnauthorizedError>(result.Error).Message, StringComparison.Ordinal);
    }
}
