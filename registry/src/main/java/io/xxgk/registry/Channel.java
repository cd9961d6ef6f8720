package io.xxgk.registry;

import java.util.List;

/**
 * A publishing channel of an org.
 *
 * @param id   stable id used in events ({@code data.channel})
 * @param name the name the report prints (学校官网)
 * @param kind what sort of channel it is
 */
public record Channel(String id, String name, ChannelKind kind) {

    /** What an org's or a channel's id may be: it travels in URLs, tokens and events. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    /** The channels every new org (and the demo org) starts with. */
    public static final List<Channel> DEFAULTS = List.of(
            new Channel("website", "学校官网", ChannelKind.WEBSITE),
            new Channel("wechat", "微信公众号", ChannelKind.SOCIAL),
            new Channel("wechat-video", "视频号", ChannelKind.VIDEO),
            new Channel("weibo", "微博", ChannelKind.SOCIAL),
            new Channel("douyin", "抖音", ChannelKind.VIDEO),
            new Channel("newspaper", "校报校刊", ChannelKind.PRINT),
            new Channel("screen", "电子显示屏", ChannelKind.SCREEN),
            new Channel("oa", "OA系统", ChannelKind.SYSTEM),
            new Channel("egov", "电子政务平台", ChannelKind.SYSTEM),
            new Channel("doc-transfer", "公文传输系统", ChannelKind.SYSTEM),
            new Channel("procurement", "采购网", ChannelKind.WEBSITE),
            new Channel("hotline", "服务热线", ChannelKind.SERVICE));

    public Channel {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("channel id must be 1-64 of a-z, 0-9 and '-': " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("channel " + id + " needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("channel " + id + " needs a kind");
        }
    }
}
