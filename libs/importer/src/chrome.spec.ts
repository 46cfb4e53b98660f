import { stripChrome } from './chrome';
import { htmlToText } from './readers/html.reader';
import { toLines } from './text';

describe('stripChrome', () => {
  it('drops furniture at top and bottom and harvests the metadata', () => {
    const { lines, meta } = stripChrome(
      toLines(
        [
          '湖北政府网 |邮箱|计划管理|登录|注册',
          '当前位置: 首页 » 通知',
          '关于印发《2021年潜江市科技工作要点》的通知',
          '索 引 号: 011396186/2021-12603 发布机构: 潜江市科技局 发文日期: 2021年03月31日 文 号:潜科文〔2021〕8号',
          '字体:【大】【中】【小】',
          '一、主要目标',
          '新增高新技术企业20家。本段正文提到主办和承办单位要加强协作，不是页脚，因为它很长而且是完整的句子。',
          '附件:',
          '已阅 26 打印 关闭',
          '鄂ICP备11011361号',
          '武汉发布',
        ].join('\n'),
      ),
    );
    expect(lines.map((l) => l.text)).toEqual([
      '关于印发《2021年潜江市科技工作要点》的通知',
      '一、主要目标',
      '新增高新技术企业20家。本段正文提到主办和承办单位要加强协作，不是页脚，因为它很长而且是完整的句子。',
    ]);
    expect(meta).toEqual({ publishedAt: '2021-03-31', issuer: '潜江市科技局', source: null, docNumber: '潜科文〔2021〕8号' });
    expect(lines[1].no).toBe(6);
  });
});

describe('htmlToText', () => {
  it('turns blocks into lines and decodes entities', () => {
    expect(htmlToText('<p>一、目标&nbsp;任务</p><script>x()</script><div>A&amp;B<br>&#20013;&#x6587;</div><table><tr><td>序号</td><td>1</td></tr></table>')
      .split('\n')
      .filter(Boolean)).toEqual(['一、目标 任务', 'A&B', '中文', '序号', '1']);
  });
});

describe('stripChrome: other sites', () => {
  const strip = (text: string) => stripChrome(toLines(text)).lines.map((l) => l.text);
  it('drops 首页 > breadcrumbs, 【打印本页】【关闭窗口】 and what follows the footer', () => {
    const kept = strip(
      ['首页 > 政务公开 > 政策文件', '长沙市2025年工作要点', '分享到：', '一、优化环境', '1. 深化改革。', '2. 推进帮扶。',
        '3. 强化监管。', '【打印本页】【关闭窗口】', '扫一扫在手机打开当前页', '相关文件：', '长沙市2024年工作总结', '京ICP备12345678号'].join('\n'),
    );
    expect(kept).toEqual(['长沙市2025年工作要点', '一、优化环境', '1. 深化改革。', '2. 推进帮扶。', '3. 强化监管。']);
  });
  it('keeps a 附件 task table after the notice', () => {
    const lines = ['关于印发清单的通知', '现将清单印发给你们，请认真落实。', '附件', '序号', '重点任务', '牵头单位', '1', '制定方案', '市招商局'];
    expect(strip(lines.join('\n'))).toEqual(lines.filter((l) => l !== '附件'));
  });
});
