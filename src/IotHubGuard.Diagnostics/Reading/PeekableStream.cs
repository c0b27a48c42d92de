using System;
using System.IO;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>A read-only stream that can look at its first bytes and then be read from the start, even when the inner stream cannot seek.</summary>
internal sealed class PeekableStream : Stream
{
    private readonly Stream inner;
    private byte[] head = Array.Empty<byte>();
    private int headPosition;
    private long position;

    public PeekableStream(Stream inner)
    {
        this.inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => position;
        set
        {
            inner.Position = value;
            head = Array.Empty<byte>();
            headPosition = 0;
            position = value;
        }
    }

    public byte[] PeekHead(int count)
    {
        var buffer = new byte[count];
        int filled = 0;
        int read;
        while (filled < count && (read = inner.Read(buffer, filled, count - filled)) > 0)
        {
            filled += read;
        }

        Array.Resize(ref buffer, filled);
        head = buffer;
        headPosition = 0;
        return buffer;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (headPosition < head.Length)
        {
            read = Math.Min(count, head.Length - headPosition);
            Buffer.BlockCopy(head, headPosition, buffer, offset, read);
            headPosition += read;
        }
        else
        {
            read = inner.Read(buffer, offset, count);
        }

        position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
