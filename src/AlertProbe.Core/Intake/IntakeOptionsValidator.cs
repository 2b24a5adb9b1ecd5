using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Intake;

/// <summary>The data annotations of <see cref="IntakeOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class IntakeOptionsValidator : IValidateOptions<IntakeOptions>;
