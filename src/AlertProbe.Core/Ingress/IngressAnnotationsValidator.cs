using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// The data annotations of <see cref="IngressOptions"/> (its own members, as before: the per-source sections are checked
/// by <see cref="IngressOptionsValidator"/>), by generated code.
/// </summary>
[OptionsValidator]
internal sealed partial class IngressAnnotationsValidator : IValidateOptions<IngressOptions>;
