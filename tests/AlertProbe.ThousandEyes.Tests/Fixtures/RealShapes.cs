namespace AlertProbe.ThousandEyes.Tests.Fixtures;

/// <summary>
/// Response bodies in the shapes ThousandEyes documents, with values of our own. Sources: v7 models of
/// thousandeyes/thousandeyes-sdk-python (HttpServerInstantTest, TestLinks, Link, AgentResponse, CloudEnterpriseAgent,
/// AgentLabel, NetworkTestResults, NetworkTestResult, HttpTestResult, TestResultAgent, ValidationError(Item),
/// UnauthorizedError) and the v6 developer docs (hashlock/v6: agents, test_data web/http-server, instant).
/// </summary>
internal static class RealShapes
{
    /// <summary>v7 create: HAL definition, string ids, ISO dates, nested AgentResponse objects, labels as objects.</summary>
    public const string V7Created = """
        {
          "testId": "7301946",
          "testName": "probe-checkout-http",
          "type": "http-server",
          "createdBy": "Ops Robot (robot@example.org)",
          "createdDate": "2025-01-15T11:59:58Z",
          "modifiedBy": "Ops Robot (robot@example.org)",
          "modifiedDate": "2025-01-15T11:59:58Z",
          "description": "",
          "liveShare": false,
          "savedEvent": false,
          "labels": [{ "labelId": "88", "name": "probes" }],
          "sharedWithAccounts": [],
          "url": "https://checkout.example.org/health",
          "followRedirects": true,
          "networkMeasurements": true,
          "numPathTraces": 3,
          "agents": [
            {
              "agentId": "4410",
              "agentName": "Lyon, France",
              "agentType": "cloud",
              "countryId": "FR",
              "location": "Lyon Area",
              "enabled": true,
              "ipAddresses": ["203.0.113.10"],
              "publicIpAddresses": ["203.0.113.10"],
              "network": "Example Transit (AS 64500)",
              "prefix": "203.0.113.0/24",
              "verifySslCertificates": true
            },
            { "agentId": "9021", "agentName": "branch-oslo-02", "agentType": "enterprise-cluster", "countryId": "NO" }
          ],
          "_links": {
            "self": { "href": "https://api.thousandeyes.test/v7/tests/http-server/7301946" },
            "testResults": [
              { "href": "https://api.thousandeyes.test/v7/test-results/7301946/http-server" },
              { "href": "https://api.thousandeyes.test/v7/test-results/7301946/network" },
              { "href": "https://api.thousandeyes.test/v7/test-results/7301946/path-vis", "templated": false }
            ]
          }
        }
        """;

    /// <summary>v6 create: <c>{"test":[…]}</c>, integer ids, 0/1 flags, "yyyy-MM-dd HH:mm:ss" dates, apiLinks with rel.</summary>
    public const string V6Created = """
        {
          "test": [
            {
              "testId": 55120,
              "testName": "probe-checkout-http",
              "type": "http-server",
              "createdBy": "Ops Robot (robot@example.org)",
              "createdDate": "2025-01-15 11:59:58",
              "enabled": 1,
              "liveShare": 0,
              "savedEvent": 0,
              "url": "https://checkout.example.org/health",
              "agents": [ { "agentId": 4410, "agentName": "Lyon, France", "agentType": "Cloud", "countryId": "FR", "location": "Lyon Area" } ],
              "groups": [],
              "apiLinks": [
                { "rel": "self", "href": "https://api.thousandeyes.test/v6/tests/55120" },
                { "rel": "data", "href": "https://api.thousandeyes.test/v6/web/http-server/55120" },
                { "rel": "data", "href": "https://api.thousandeyes.test/v6/net/metrics/55120" },
                { "rel": "data", "href": "https://api.thousandeyes.test/v6/net/path-vis/55120" }
              ]
            }
          ]
        }
        """;

    /// <summary>v7 agent list: <c>{agents, _links}</c>, lower-case types, booleans, state only for enterprise agents.</summary>
    public const string V7Agents = """
        {
          "agents": [
            { "agentId": "4410", "agentName": "Lyon, France", "agentType": "cloud", "countryId": "FR", "location": "Lyon Area",
              "ipAddresses": ["203.0.113.10"], "enabled": true },
            { "agentId": "9021", "agentName": "branch-oslo-02", "agentType": "enterprise-cluster", "countryId": "NO", "location": "Oslo",
              "enabled": false, "agentState": "offline", "hostname": "te-oslo-02.example.org", "lastSeen": "2025-01-15T10:00:00Z",
              "labels": [{ "labelId": "31", "name": "Nordics" }],
              "clusterMembers": [{ "memberId": "9022", "name": "te-oslo-02a", "agentState": "offline" }] }
          ],
          "_links": { "self": { "href": "https://api.thousandeyes.test/v7/agents" } }
        }
        """;

    /// <summary>v6 agent list: integer ids, "Cloud"/"Enterprise Cluster", flags only on enterprise agents, labels as groups.</summary>
    public const string V6Agents = """
        {
          "agents": [
            { "agentId": 4410, "agentName": "Lyon, France", "agentType": "Cloud", "countryId": "FR", "ipAddresses": ["203.0.113.10"], "location": "Lyon Area" },
            { "agentId": 9021, "agentName": "branch-oslo-02", "location": "Oslo", "countryId": "NO", "createdDate": "2023-04-02 08:15:00",
              "enabled": 0, "agentType": "Enterprise Cluster", "agentState": "Offline",
              "groups": [{ "groupId": 31, "name": "Nordics", "type": "agents", "builtin": 0 }] }
          ]
        }
        """;

    /// <summary>v7 network results: envelope with test, dates and links; agent nested; epoch roundId; ISO date.</summary>
    public const string V7NetworkPage1 = """
        {
          "results": [
            {
              "date": "2025-01-15T12:00:07Z",
              "roundId": 1736942400,
              "startTime": 1736942400,
              "endTime": 1736942460,
              "agent": { "agentId": "4410", "agentName": "Lyon, France", "countryId": "FR", "location": "Lyon Area" },
              "serverIp": "198.51.100.20",
              "server": "checkout.example.org:443",
              "loss": 0.0,
              "avgLatency": 12.4,
              "minLatency": 11.0,
              "maxLatency": 15.2,
              "jitter": 0.8,
              "healthScore": 0.97,
              "direction": "to-target",
              "_links": { "appLink": { "href": "https://app.thousandeyes.test/view/tests/?roundId=1736942400" } }
            }
          ],
          "test": { "testId": "7301946", "testName": "probe-checkout-http", "type": "http-server", "createdDate": "2025-01-15T11:59:58Z",
                    "_links": { "self": { "href": "https://api.thousandeyes.test/v7/tests/http-server/7301946" } } },
          "startDate": "2025-01-15T11:58:00Z",
          "endDate": "2025-01-15T12:00:00Z",
          "_links": {
            "self": { "href": "https://api.thousandeyes.test/v7/test-results/7301946/network" },
            "next": { "href": "https://api.thousandeyes.test/v7/test-results/7301946/network?cursor=b2Zmc2V0OjE" }
          }
        }
        """;

    public const string V7NetworkPage2 = """
        {
          "results": [
            { "date": "2025-01-15T12:00:09Z", "roundId": 1736942400,
              "agent": { "agentId": "9021", "agentName": "branch-oslo-02", "countryId": "NO", "location": "Oslo" },
              "loss": 100.0 }
          ],
          "test": { "testId": "7301946", "type": "http-server" },
          "_links": { "self": { "href": "https://api.thousandeyes.test/v7/test-results/7301946/network?cursor=b2Zmc2V0OjE" } }
        }
        """;

    /// <summary>v7 results before the first round: the envelope without a results list.</summary>
    public const string V7NoResultsYet = """
        { "test": { "testId": "7301946", "type": "http-server" }, "_links": { "self": { "href": "https://api.thousandeyes.test/v7/test-results/7301946/http-server" } } }
        """;

    /// <summary>v6 http-server data: the list before the test, flat integer agent ids, errorType "None" on success.</summary>
    public const string V6HttpServer = """
        {
          "pages": { "current": 1 },
          "web": {
            "httpServer": [
              { "agentId": 4410, "agentName": "Lyon, France", "countryId": "FR", "date": "2025-01-15 12:00:07", "roundId": 1736942400,
                "permalink": "https://app.thousandeyes.test/web/http-server?testId=55120", "serverIp": "198.51.100.20",
                "responseCode": 200, "errorType": "None", "dnsTime": 3, "connectTime": 12, "sslTime": 25, "waitTime": 40,
                "receiveTime": 2, "responseTime": 80, "totalTime": 82, "wireSize": 5120, "throughput": 2560 },
              { "agentId": 9021, "agentName": "branch-oslo-02", "countryId": "NO", "date": "2025-01-15 12:00:09", "roundId": 1736942400,
                "errorType": "Connect", "errorDetails": "Connection timed out after 5000 ms" }
            ],
            "test": { "testId": 55120, "testName": "probe-checkout-http", "type": "http-server", "enabled": 1,
                      "apiLinks": [ { "rel": "self", "href": "https://api.thousandeyes.test/v6/tests/55120" } ] }
          }
        }
        """;

    /// <summary>v7 400 (ValidationError): problem details whose errors[].field one published spec types as an integer.</summary>
    public const string V7ValidationError = """
        { "type": "https://api.thousandeyes.test/errors/validation", "title": "Validation failed", "status": 400,
          "detail": "The request has invalid fields.", "instance": "/v7/tests/http-server/instant",
          "errors": [ { "code": "INVALID_URL", "field": 7, "message": "url must be absolute" }, { "message": "agents must not be empty" } ] }
        """;

    /// <summary>v7 401 (UnauthorizedError): OAuth-style body.</summary>
    public const string V7Unauthorized = """{ "error": "invalid_token", "error_description": "The access token expired" }""";
}
