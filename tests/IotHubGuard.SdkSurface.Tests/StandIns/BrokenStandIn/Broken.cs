// A stand-in that does not compile (CS0029), for StandInCompilerTests' error test.
namespace Broken;

public sealed class Gadget
{
    public int Size => "not a number";
}
