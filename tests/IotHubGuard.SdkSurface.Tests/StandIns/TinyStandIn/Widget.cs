// A minimal stand-in for StandInCompilerTests: compiles in a moment, so the shared compiler's contract is tested
// without compiling a real stand-in at many versions.
namespace Tiny;

public sealed class Widget
{
    public int Size => 1;
}
