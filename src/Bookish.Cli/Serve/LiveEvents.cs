using System.Threading.Channels;

namespace Bookish.Cli.Serve;

/// <summary>The open pages' Server-Sent Events streams: each subscriber gets every event published after it joined.</summary>
internal sealed class LiveEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _clients = [];

    public int Count { get { lock (_gate) return _clients.Count; } }

    public Channel<string> Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _clients.Add(channel);
        return channel;
    }

    public void Unsubscribe(Channel<string> channel)
    {
        lock (_gate) _clients.Remove(channel);
    }

    /// <summary>Sends one event (<c>event:</c> name, one-line JSON data) to every open page.</summary>
    public void Publish(string name, string json)
    {
        var message = $"event: {name}\ndata: {json}\n\n";
        lock (_gate)
            foreach (var c in _clients) c.Writer.TryWrite(message);
    }
}
