namespace PhuThoCa.BrowserTests;

public class PlaceholderTests
{
    [Fact]
    public void ChromiumIsInstalled() => Assert.True(File.Exists("/usr/bin/chromium"));
}
