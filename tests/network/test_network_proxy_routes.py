"""Which proxy a URL goes through: precedence, the environment as curl and pip read it,
no_proxy matching, and credentials that never show."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from footprint.config import Settings, parse_settings
from footprint.errors import ConfigError
from footprint.http.client import http_options
from footprint.http.proxy import (
    DIRECT,
    ProxyConfigError,
    parse_no_proxy,
    parse_proxy_url,
    resolve_routes,
)

HTTPS = httpx.URL("https://example.org/x")
HTTP = httpx.URL("http://example.org/x")


def shown(url: httpx.URL, **kwargs: object) -> str | None:
    proxy = resolve_routes(**kwargs).for_url(url)  # type: ignore[arg-type]
    return proxy.display if proxy is not None else None


def test_precedence_cli_over_config_over_environment() -> None:
    env = {"https_proxy": "http://env.example:1"}
    assert shown(HTTPS, environ=env) == "http://env.example:1"
    assert shown(HTTPS, environ=env, config_proxy="cfg.example:2") == "http://cfg.example:2"
    assert shown(HTTPS, environ=env, config_proxy="cfg.example:2",
                 cli_proxy="socks5h://cli.example:3") == "socks5h://cli.example:3"
    assert shown(HTTPS, environ=env, config_proxy="cfg.example:2", cli_proxy="cli:3",
                 no_proxy_flag=True) is None
    assert resolve_routes(environ=env).source == "environment"
    assert resolve_routes(environ={}) == DIRECT


def test_environment_variables_per_scheme_in_both_cases() -> None:
    env = {"HTTPS_PROXY": "http://secure.example:1", "http_proxy": "http://plain.example:2"}
    assert shown(HTTPS, environ=env) == "http://secure.example:1"
    assert shown(HTTP, environ=env) == "http://plain.example:2"
    # lower case first, as curl and urllib read them
    both = {"https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"}
    assert shown(HTTPS, environ=both) == "http://lower:1"
    every = {"ALL_PROXY": "socks5://all.example"}
    assert shown(HTTPS, environ=every) == "socks5://all.example:1080"
    assert shown(HTTP, environ=every) == "socks5://all.example:1080"
    # HTTP_PROXY in upper case is ignored under CGI, where a request header could set it
    cgi = {"HTTP_PROXY": "http://attacker:1", "REQUEST_METHOD": "GET"}
    assert shown(HTTP, environ=cgi) is None


@pytest.mark.parametrize(("no_proxy", "url", "direct"), [
    ("example.org", "https://example.org/", True),
    ("example.org", "https://www.example.org/", True),
    (".example.org", "https://www.example.org/", True),
    ("example.org", "https://badexample.org/", False),
    ("*", "https://anything.test/", True),
    ("10.0.0.0/8, intranet", "http://10.1.2.3/", True),
    ("10.0.0.0/8 intranet", "http://intranet/", True),
    ("", "http://127.0.0.1:8080/", False),  # loopback is not exempt unless listed
    ("localhost,127.0.0.1", "http://127.0.0.1:8080/", True),
    ("::1", "http://[::1]:8080/", True),
    ("example.org:8443", "https://example.org:8443/", True),
    ("example.org:8443", "https://example.org/", False),
    ("EXAMPLE.org.", "https://example.ORG/", True),
    ("xn--bcher-kva.example", "https://bücher.example/", True),
    ("bücher.example", "https://xn--bcher-kva.example/", True),
])
def test_no_proxy_follows_curl(no_proxy: str, url: str, direct: bool) -> None:
    routes = resolve_routes(environ={"all_proxy": "http://proxy:3128", "NO_PROXY": no_proxy})
    assert (routes.for_url(httpx.URL(url)) is None) is direct


def test_config_no_proxy_replaces_the_environments() -> None:
    env = {"https_proxy": "http://p:1", "no_proxy": "example.org"}
    assert shown(HTTPS, environ=env) is None
    assert shown(HTTPS, environ=env, config_no_proxy="") == "http://p:1"


def test_credentials_are_decoded_and_never_shown() -> None:
    proxy = parse_proxy_url("http://ra%40ad:geheim%21@proxy.gemeente.example:8080", "t")
    assert (proxy.username, proxy.password) == ("ra@ad", "geheim!")
    assert proxy.basic_auth() == b"Basic cmFAYWQ6Z2VoZWltIQ=="
    routes = resolve_routes(cli_proxy="http://ra%40ad:geheim%21@proxy.gemeente.example:8080")
    for text in (proxy.display, repr(proxy), repr(routes)):
        assert "geheim" not in text and "ra@ad" not in text
    assert "geheim" not in repr(parse_settings({"network": {
        "proxy": "http://u:geheim@p.example:1"}}))


@pytest.mark.parametrize("bad", ["ftp://proxy:21", "http://", "http://proxy:99999",
                                 "http://proxy:8080/path", "https://proxy:443"])
def test_unusable_proxy_urls_are_refused_without_echoing_secrets(bad: str) -> None:
    with pytest.raises(ProxyConfigError) as caught:
        parse_proxy_url(bad.replace("://", "://user:topsecret@", 1), "--proxy")
    assert "topsecret" not in str(caught.value)


def test_bare_host_port_is_http_and_no_proxy_parses_star() -> None:
    assert parse_proxy_url("proxy.example:8080", "t").display == "http://proxy.example:8080"
    assert parse_no_proxy(" * ")[0] is True


def test_config_network_section(tmp_path: object) -> None:
    settings = parse_settings({"network": {"proxy": "http://proxy.example:3128",
                                           "no_proxy": "intranet", "transport": "httpx",
                                           "request_deadline": 12}})
    options = http_options(settings, environ={"https_proxy": "http://ignored:1"})
    assert options.transport == "httpx" and options.request_deadline_s == 12.0
    assert options.routes.source == "config"
    assert options.routes.for_url(HTTPS) is not None
    assert options.routes.for_url(httpx.URL("https://intranet/")) is None
    assert http_options(settings, no_proxy=True).routes == DIRECT
    for bad, message in [({"proxy": "gopher://x"}, "not supported"),
                         ({"transport": "curl"}, "footprint"),
                         ({"ca_bundle": "/nonexistent/ca.pem"}, "not a file"),
                         ({"request_deadline": 0}, "from 1"),
                         ({"proxies": "x"}, "unknown key")]:
        with pytest.raises(ConfigError, match=message):
            parse_settings({"network": bad})


def test_a_bad_proxy_variable_is_a_config_error_not_a_traceback() -> None:
    with pytest.raises(ConfigError, match="https_proxy"):
        http_options(Settings(), environ={"HTTPS_PROXY": "ftp://x:1"})


def test_a_bundle_without_certificates_is_a_config_error(tmp_path: Path) -> None:
    broken = tmp_path / "org.pem"
    broken.write_text("this is not PEM")
    settings = parse_settings({"network": {"ca_bundle": str(broken)}})
    with pytest.raises(ConfigError, match="network.ca_bundle .*no usable certificates"):
        http_options(settings, environ={})


def test_socks_with_httpx_transport_without_socksio_is_a_config_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from footprint.http.client import build_transport

    real_import = builtins.__import__

    def no_socksio(name: str, *args: object, **kwargs: object) -> object:
        if name == "socksio":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_socksio)
    options = http_options(parse_settings({"network": {"transport": "httpx"}}),
                           proxy="socks5h://127.0.0.1:9050", environ={})
    with pytest.raises(ConfigError, match="socksio"):
        build_transport(options)
